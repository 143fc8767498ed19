/** One contiguous replacement that turns `before` into `after`. */
export interface TextChange {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The minimal single replacement (common prefix and suffix) from `before` to `after`, or null if
 * they are equal. `caret` is the caret in `after`: typed text ends at the caret, so it resolves
 * the ambiguity in runs of equal characters ("aa" -> "aaa") in favour of where the user typed,
 * which keeps concurrent edits by others in the right place. Never splits a surrogate pair.
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (caret !== undefined) {
    const inserted = Math.max(0, after.length - before.length);
    prefix = Math.min(prefix, Math.max(0, Math.min(caret, after.length) - inserted));
  }
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}
