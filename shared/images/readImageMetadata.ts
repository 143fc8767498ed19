import type { MetadataItem } from './MetadataItem.ts';
import { metadataText } from './metadataText.ts';
import { readTiffMetadata } from './readTiffMetadata.ts';

/** Segments or chunks walked in one file, so a hostile file cannot keep us busy. */
const MAX_BLOCKS = 4096;

const ascii = (b: Uint8Array, at: number, n: number): string =>
  String.fromCharCode(...b.subarray(at, Math.min(at + n, b.length)));

const hasPrefix = (b: Uint8Array, prefix: string): boolean => ascii(b, 0, prefix.length) === prefix;

/**
 * What a JPEG, PNG or WebP file carries besides its pixels (EXIF with GPS, camera, serials,
 * dates and thumbnail; XMP; IPTC; ICC profiles; PNG text chunks; JPEG comments), read from its
 * container before it is sanitised, so the member sees what was removed. Pure, bounded, never
 * throws; an unknown or damaged file gives what could be read (possibly nothing).
 */
export function readImageMetadata(bytes: Uint8Array): MetadataItem[] {
  let items: MetadataItem[] = [];
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) items = jpegMetadata(bytes);
    else if (ascii(bytes, 1, 3) === 'PNG') items = pngMetadata(bytes);
    else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
      items = webpMetadata(bytes);
  } catch {
    // A parser bug must not stop the insert: the sanitiser removes everything regardless.
  }
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.kind}\u0000${item.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function jpegMetadata(b: Uint8Array): MetadataItem[] {
  const items: MetadataItem[] = [];
  let at = 2;
  for (let i = 0; i < MAX_BLOCKS && at + 4 <= b.length && b[at] === 0xff; i++) {
    const marker = b[at + 1] ?? 0;
    if (marker === 0xda || marker === 0xd9) break; // image data follows: no more metadata
    const length = ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0);
    const data = b.subarray(at + 4, Math.min(at + 2 + length, b.length));
    if (marker === 0xe1 && hasPrefix(data, 'Exif\u0000\u0000'))
      items.push(...readTiffMetadata(data.subarray(6)));
    else if (marker === 0xe1 && hasPrefix(data, 'http://ns.adobe.com/'))
      items.push({ kind: 'xmp' });
    else if (marker === 0xed) items.push({ kind: 'iptc' });
    else if (marker === 0xe2 && hasPrefix(data, 'ICC_PROFILE')) items.push({ kind: 'icc' });
    else if (marker === 0xfe) items.push({ kind: 'comment', detail: metadataText(data) });
    at += 2 + Math.max(length, 2);
  }
  return items;
}

function pngMetadata(b: Uint8Array): MetadataItem[] {
  const items: MetadataItem[] = [];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 8;
  for (let i = 0; i < MAX_BLOCKS && at + 8 <= b.length; i++) {
    const length = view.getUint32(at);
    const type = ascii(b, at + 4, 4);
    const data = b.subarray(at + 8, Math.min(at + 8 + length, b.length));
    if (type === 'IEND') break;
    const keyword = metadataText(data);
    if (type === 'tEXt') {
      const text = metadataText(data.subarray(data.indexOf(0) + 1));
      items.push({ kind: 'text', detail: `${keyword}: ${text}` });
    } else if (type === 'iTXt' && keyword === 'XML:com.adobe.xmp') items.push({ kind: 'xmp' });
    else if (type === 'iTXt') items.push({ kind: 'text', detail: `${keyword}: ${itxtText(data)}` });
    else if (type === 'zTXt') items.push({ kind: 'text', detail: keyword });
    else if (type === 'eXIf') items.push(...readTiffMetadata(data));
    else if (type === 'iCCP') items.push({ kind: 'icc', detail: keyword });
    else if (type === 'tIME') items.push({ kind: 'date' });
    at += 12 + length;
  }
  return items;
}

/** The text of an uncompressed iTXt chunk (keyword, flags, language and translated keyword first). */
function itxtText(data: Uint8Array): string {
  let at = data.indexOf(0) + 1;
  if (data[at] !== 0) return '…'; // compressed
  at += 2;
  for (let nul = 0; nul < 2; nul++) at = data.indexOf(0, at) + 1;
  if (at <= 0) return '';
  return new TextDecoder('utf-8').decode(data.subarray(at)).slice(0, 80);
}

function webpMetadata(b: Uint8Array): MetadataItem[] {
  const items: MetadataItem[] = [];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 12;
  for (let i = 0; i < MAX_BLOCKS && at + 8 <= b.length; i++) {
    const type = ascii(b, at, 4);
    const length = view.getUint32(at + 4, true);
    const data = b.subarray(at + 8, Math.min(at + 8 + length, b.length));
    if (type === 'EXIF')
      items.push(...readTiffMetadata(hasPrefix(data, 'Exif') ? data.subarray(6) : data));
    else if (type === 'XMP ') items.push({ kind: 'xmp' });
    else if (type === 'ICCP') items.push({ kind: 'icc' });
    at += 8 + length + (length % 2);
  }
  return items;
}
