/** Longest value shown for one metadata item. */
const MAX_CHARS = 80;

const latin1 = new TextDecoder('latin1');

/**
 * A metadata value as display text: bytes up to the first NUL as Latin-1 (EXIF ASCII is 7-bit;
 * anything else is shown, not trusted), control characters dropped, trimmed, at most 80 characters.
 */
export function metadataText(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  const raw = latin1.decode(end < 0 ? bytes : bytes.subarray(0, end));
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  return clean.length > MAX_CHARS ? `${clean.slice(0, MAX_CHARS)}…` : clean;
}
