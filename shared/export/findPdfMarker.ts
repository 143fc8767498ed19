/**
 * What must never be in an exported PDF: the app's and the engines' names, and pieces of the
 * user agent Chromium writes as Creator (it names the OS and the Electron and Chrome versions,
 * and the app as package.json names it, in lower case).
 */
export const PDF_MARKERS: readonly string[] = [
  'Quire',
  'quire',
  'Chromium',
  'Skia',
  'pdf-lib',
  'Electron',
  'HeadlessChrome',
  'AppleWebKit',
];

function utf16be(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    bytes[i * 2] = text.charCodeAt(i) >> 8;
    bytes[i * 2 + 1] = text.charCodeAt(i) & 0xff;
  }
  return bytes;
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  outer: for (
    let i = haystack.indexOf(first ?? 0);
    i >= 0;
    i = haystack.indexOf(first ?? 0, i + 1)
  ) {
    if (i + needle.length > haystack.length) return -1;
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A marker's forms in a file: Latin-1 and UTF-16BE bytes, and both as hex strings <...>. */
function markerForms(marker: string): Uint8Array[] {
  const latin1 = Uint8Array.from(marker, (char) => char.charCodeAt(0));
  const wide = utf16be(marker);
  const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
  return [
    latin1,
    wide,
    ...[hex(latin1), hex(wide)].flatMap((h) => [ascii(h), ascii(h.toUpperCase())]),
  ];
}

/** The first marker found in the bytes in any of its forms, if any. */
export function findPdfMarker(
  bytes: Uint8Array,
  markers: readonly string[] = PDF_MARKERS,
): string | undefined {
  return markers.find((marker) =>
    markerForms(marker).some((form) => indexOfBytes(bytes, form) >= 0),
  );
}
