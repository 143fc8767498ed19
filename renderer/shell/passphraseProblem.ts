import {
  MIN_ACCEPTED_SCORE,
  MIN_PASSPHRASE_CHARS,
  type PassphraseStrength,
} from './passphraseStrength.ts';

/** Why the new-passphrase form cannot be submitted yet; 'checking' while zxcvbn still runs. */
export type PassphraseProblem = 'empty' | 'short' | 'checking' | 'weak' | 'mismatch' | 'understand';

/** The first thing that stops the form, in the order the member fills it; undefined when none. */
export function passphraseProblem(form: {
  readonly passphrase: string;
  readonly strength: PassphraseStrength | undefined;
  readonly confirm: string;
  readonly understood: boolean;
}): PassphraseProblem | undefined {
  if (form.passphrase === '') return 'empty';
  if ([...form.passphrase].length < MIN_PASSPHRASE_CHARS) return 'short';
  if (form.strength === undefined) return 'checking';
  if (form.strength.score < MIN_ACCEPTED_SCORE) return 'weak';
  if (form.confirm !== form.passphrase) return 'mismatch';
  if (!form.understood) return 'understand';
  return undefined;
}
