import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** zxcvbn's warning ids (its feedback without translations); each has a `vault.strength.warning.*` string. */
export const STRENGTH_WARNINGS = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
] as const;
export type StrengthWarning = (typeof STRENGTH_WARNINGS)[number];

export interface PassphraseStrength {
  /** 0 (trivial) to 4 (very strong), zxcvbn's scale. */
  readonly score: 0 | 1 | 2 | 3 | 4;
  readonly warning: StrengthWarning | undefined;
}

/**
 * Below this the vault refuses the passphrase. The adversary is a state with a seized disk and
 * many machines: score 4 means zxcvbn estimates at least 10^10 guesses (with Argon2id at ~1 s and
 * 256 MiB per guess, centuries for one machine, years for a thousand). Anything weaker falls to
 * a dictionary attack on a seized disk.
 */
export const MIN_ACCEPTED_SCORE = 4;
/** And at least this many characters, whatever zxcvbn says (six suggested words are ~35). */
export const MIN_PASSPHRASE_CHARS = 20;

/** zxcvbn only looks at this many characters; longer is strong anyway. */
const MAX_CHECKED_CHARS = 256;

let factory: Promise<ZxcvbnFactory> | undefined;

/** Loads zxcvbn and its dictionaries once, on first use (about 2 MB: not on the unlock path). */
function loadFactory(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
        maxLength: MAX_CHECKED_CHARS,
      }),
  );
  return factory;
}

const isWarning = (value: string | null): value is StrengthWarning =>
  value !== null && (STRENGTH_WARNINGS as readonly string[]).includes(value);

/**
 * How hard `passphrase` is to guess. `context` holds words a guesser would try first (the
 * app's name). Never sends anything anywhere: the dictionaries are bundled.
 */
export async function passphraseStrength(
  passphrase: string,
  context: readonly string[] = ['quire'],
): Promise<PassphraseStrength> {
  const zxcvbn = await loadFactory();
  const result = zxcvbn.check(passphrase.slice(0, MAX_CHECKED_CHARS), [...context]);
  return {
    score: result.score,
    warning: isWarning(result.feedback.warning) ? result.feedback.warning : undefined,
  };
}
