import { utf8 } from '../crypto/bytes.ts';

// Same character rules as shared/invite/validatePseudonym.ts (the joiner's side): C0/C1 controls,
// bidi embeddings/overrides/isolates and marks, zero-width space, BOM would let one name render
// as another next to safety words. Lone surrogates would not survive UTF-8 round trips.
const FORBIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A pseudonym or cell name as the roster carries it: 1..maxBytes UTF-8 bytes, no surrounding
 * whitespace, no control or direction-changing characters, well-formed Unicode. Both the encoder
 * and the decoder apply it, so a signed op can never carry a spoofing name.
 */
export function validateDisplayName(s: string, maxBytes: number): boolean {
  const length = utf8(s).length;
  if (length < 1 || length > maxBytes || s.trim() !== s) return false;
  return !FORBIDDEN.test(s) && !LONE_SURROGATE.test(s);
}
