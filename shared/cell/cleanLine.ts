/**
 * One line of user text as stored: control characters become spaces, runs of whitespace one
 * space, trimmed, and cut to `maxChars` UTF-16 units without splitting a surrogate pair.
 */
export function cleanLine(text: string, maxChars: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').replace(/\s+/g, ' ');
  let out = flat.trim().slice(0, maxChars);
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out.trimEnd();
}
