import { utf8 } from '../crypto/bytes.ts';
import { err, ok, type Result } from '../util/result.ts';

/** A pseudonym is at most 64 UTF-8 bytes: a name, not a message. */
export const MAX_PSEUDONYM_BYTES = 64;

// C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width space, BOM: characters
// that can make a pseudonym render as something else next to safety words.
const FORBIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Checks a joiner's chosen pseudonym: 1-64 UTF-8 bytes, no leading or trailing whitespace, no
 * control or direction-changing characters, well-formed Unicode (a lone surrogate would be
 * replaced by U+FFFD when encoded, so the signed bytes would not be the displayed string).
 */
export function validatePseudonym(
  pseudonym: string,
): Result<string, 'empty' | 'too_long' | 'forbidden_character'> {
  if (pseudonym.trim().length === 0) return err('empty');
  if (utf8(pseudonym).length > MAX_PSEUDONYM_BYTES) return err('too_long');
  if (pseudonym.trim() !== pseudonym) return err('forbidden_character', 'surrounding whitespace');
  if (FORBIDDEN.test(pseudonym) || LONE_SURROGATE.test(pseudonym))
    return err('forbidden_character');
  return ok(pseudonym);
}
