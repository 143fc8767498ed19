import { err, ok, type Result } from '../util/result.ts';

export const PSEUDONYM_MAX_CHARS = 48;

export type PseudonymError = 'pseudonym_empty' | 'pseudonym_too_long' | 'pseudonym_invalid';

/**
 * Control characters (Cc), lone surrogates (Cs), line/paragraph separators, and the bidi
 * controls that can make one pseudonym render as another ("Trojan Source"-style spoofing).
 * Zero-width joiners stay allowed: emoji sequences need them.
 */
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * A pseudonym as shown to other members: NFC-normalised and trimmed, 1-48 characters (code
 * points), no control characters. Returns the cleaned value.
 */
export function validatePseudonym(input: string): Result<string, PseudonymError> {
  if (typeof input !== 'string') return err('pseudonym_invalid');
  if (input.length > PSEUDONYM_MAX_CHARS * 8) return err('pseudonym_too_long'); // cap before work
  if (FORBIDDEN.test(input)) return err('pseudonym_invalid');
  const value = input.normalize('NFC').trim();
  const chars = Array.from(value).length;
  if (chars === 0) return err('pseudonym_empty');
  if (chars > PSEUDONYM_MAX_CHARS) return err('pseudonym_too_long');
  return ok(value);
}
