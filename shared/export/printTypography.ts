import { typographicQuotes, type IssueLanguage } from './typographicQuotes.ts';

const NBSP = '\u00a0';

/** The texts of a block joined, and for each UTF-16 unit the text it belongs to. */
interface Run {
  readonly joined: string;
  readonly owner: readonly number[];
}

/**
 * Replaces every match of `pattern` (global) in the joined texts; a replacement belongs to the
 * text its match starts in, so a rule may match across the texts of one block (bold, plain).
 */
function rewrite(run: Run, pattern: RegExp, replace: (match: RegExpExecArray) => string): Run {
  const { joined, owner } = run;
  let out = '';
  const owners: number[] = [];
  let from = 0;
  for (const match of joined.matchAll(pattern)) {
    out += joined.slice(from, match.index);
    for (let i = from; i < match.index; i++) owners.push(owner[i] ?? 0);
    const replacement = replace(match);
    out += replacement;
    const text = owner[match.index] ?? 0;
    for (let i = 0; i < replacement.length; i++) owners.push(text);
    from = match.index + match[0].length;
  }
  if (from === 0) return run;
  out += joined.slice(from);
  for (let i = from; i < joined.length; i++) owners.push(owner[i] ?? 0);
  return { joined: out, owner: owners };
}

/** A spaced hyphen or dash between words, with the spaces around it. */
const SPACED_DASH: Record<IssueLanguage, RegExp> = {
  // English keeps a spaced en dash as typed; a spaced hyphen (or two, three) is a dash.
  en: /(?<=\S)[ \u00a0]+(?:-{1,3}|([\u2013\u2014]))[ \u00a0]+(?=\S)/g,
  ru: /(?<=\S)[ \u00a0]+(?:-{1,3}|[\u2013\u2014])[ \u00a0]+(?=\S)/g,
  uk: /(?<=\S)[ \u00a0]+(?:-{1,3}|[\u2013\u2014])[ \u00a0]+(?=\S)/g,
};
/** A dash opening a line of dialogue (ru/uk). */
const DIALOGUE_DASH = /(?<=^|\n)(?:-{1,3}|[\u2013\u2014])[ \u00a0]+(?=\S)/g;
/** An initial ("А.") before another initial or a name: never left at the end of a line. */
const AFTER_INITIAL = /(?<=(?:^|[\s([«„“‘"])\p{Lu}\.)[ ](?=\p{Lu})/gu;
/** A capitalised name before its initials ("Пушкин А. С."). */
const BEFORE_INITIALS = /(?<=\p{Lu}\p{Ll}+)[ ](?=\p{Lu}\.[ \u00a0]?\p{Lu}\.)/gu;
const NUMBER_SIGN = /№[ ]?(?=\d)/g;

/**
 * Print typography for the language across the texts of one block (one string per input):
 * typographic quotes (typographicQuotes), a spaced hyphen or dash between words becomes an em
 * dash (an en dash typed in English stays) with a non-breaking space before it, so that no line
 * starts with a dash; in ru/uk a dash opening a line of dialogue becomes an em dash with a
 * non-breaking space after; initials are bound to each other and to the name ("А. С. Пушкин",
 * "Пушкин А. С."), and № to its number. Text is otherwise unchanged: nothing is added to a
 * hyphen inside a word, a number range or a URL.
 */
export function printTypography(texts: readonly string[], lang: IssueLanguage): string[] {
  const quoted = typographicQuotes(texts, lang);
  const owner: number[] = [];
  for (const [index, text] of quoted.entries()) {
    for (let i = 0; i < text.length; i++) owner.push(index);
  }
  let run: Run = { joined: quoted.join(''), owner };
  run = rewrite(run, SPACED_DASH[lang], (match) => `${NBSP}${match[1] ?? '\u2014'} `);
  if (lang !== 'en') run = rewrite(run, DIALOGUE_DASH, () => `\u2014${NBSP}`);
  run = rewrite(run, AFTER_INITIAL, () => NBSP);
  run = rewrite(run, BEFORE_INITIALS, () => NBSP);
  run = rewrite(run, NUMBER_SIGN, () => `№${NBSP}`);
  // Split back by owner, in slices (never a character at a time onto a growing string).
  const out = texts.map(() => '');
  let start = 0;
  for (let i = 1; i <= run.joined.length; i++) {
    if (i === run.joined.length || run.owner[i] !== run.owner[start]) {
      const index = run.owner[start] ?? 0;
      out[index] = (out[index] ?? '') + run.joined.slice(start, i);
      start = i;
    }
  }
  return out;
}
