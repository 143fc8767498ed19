/**
 * Hostile and identifying images made in the test, byte by byte: metadata segments and chunks
 * are written by hand into real pixel data (from a canvas in e2e, minimal headers in unit
 * tests), so each test knows exactly which secrets went in and can search for them coming out.
 */

/** The identifying values every corpus image carries (searched for in sanitised output). */
export const SECRETS = {
  make: 'Cannikon',
  model: 'Obscura 9 Mk II',
  serial: 'QX7734512-SN',
  lensSerial: 'LENS-88123',
  owner: 'Ivan Petrovich Sidorov',
  date: '2026:03:14 09:26:53',
  maker: 'MAKERNOTE-SECRET-7',
  thumb: 'THUMBNAIL-SECRET-3',
  /** 55°45'21.06" N, 37°37'4.08" E, as EXIF rationals. */
  lat: [55, 45, 2106] as const,
  lon: [37, 37, 408] as const,
  latText: '55.755850',
  lonText: '37.617800',
  pngText: 'Photographed at Tverskaya 7, flat 12',
  pngItxt: 'Источник: Мария из Твери',
  xmp: 'XMP-CREATOR-Olga-Smirnova',
} as const;

const enc = new TextEncoder();
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const u16be = (v: number): Uint8Array => new Uint8Array([v >>> 8, v & 0xff]);
const u32be = (v: number): Uint8Array =>
  new Uint8Array([(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
const u32le = (v: number): Uint8Array => u32be(v).reverse();
const ascii0 = (s: string): Uint8Array => concat(enc.encode(s), new Uint8Array([0]));

let crcTable: Uint32Array | undefined;
/** CRC-32 (PNG chunks). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface TiffEntry {
  readonly tag: number;
  readonly type: 2 | 4 | 5 | 7;
  readonly count: number;
  readonly value: Uint8Array;
}
const asciiEntry = (tag: number, s: string): TiffEntry => {
  const value = ascii0(s);
  return { tag, type: 2, count: value.length, value };
};
const longEntry = (tag: number, v: number): TiffEntry => ({
  tag,
  type: 4,
  count: 1,
  value: u32be(v),
});
const dmsEntry = (tag: number, [d, m, s100]: readonly [number, number, number]): TiffEntry => ({
  tag,
  type: 5,
  count: 3,
  value: concat(u32be(d), u32be(1), u32be(m), u32be(1), u32be(s100), u32be(100)),
});

/** Lays out one big-endian IFD at `offset`: entries, next pointer, then out-of-line values. */
function ifd(entries: readonly TiffEntry[], offset: number, next: number): Uint8Array {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  let data = offset + 2 + sorted.length * 12 + 4;
  const heads: Uint8Array[] = [u16be(sorted.length)];
  const tails: Uint8Array[] = [];
  for (const e of sorted) {
    heads.push(u16be(e.tag), u16be(e.type), u32be(e.count));
    if (e.value.length <= 4) heads.push(concat(e.value, new Uint8Array(4 - e.value.length)));
    else {
      heads.push(u32be(data));
      const padded = e.value.length % 2 ? concat(e.value, new Uint8Array(1)) : e.value;
      tails.push(padded);
      data += padded.length;
    }
  }
  return concat(...heads, u32be(next), ...tails);
}
const ifdLength = (entries: readonly TiffEntry[]): number => ifd(entries, 0, 0).length;

/** A TIFF (EXIF) block with camera, serials, owner, dates, maker note, GPS and a thumbnail. */
export function exifTiff(thumbnail: Uint8Array): Uint8Array {
  const gps = [
    asciiEntry(1, 'N'),
    dmsEntry(2, SECRETS.lat),
    asciiEntry(3, 'E'),
    dmsEntry(4, SECRETS.lon),
  ];
  const exif = [
    asciiEntry(0x9003, SECRETS.date),
    { tag: 0x927c, type: 7, count: SECRETS.maker.length, value: enc.encode(SECRETS.maker) },
    asciiEntry(0xa430, SECRETS.owner),
    asciiEntry(0xa431, SECRETS.serial),
    asciiEntry(0xa435, SECRETS.lensSerial),
  ] satisfies TiffEntry[];
  const ifd0Base = [
    asciiEntry(0x010f, SECRETS.make),
    asciiEntry(0x0110, SECRETS.model),
    asciiEntry(0x0132, SECRETS.date),
    longEntry(0x8769, 0),
    longEntry(0x8825, 0),
  ];
  const ifd1Base = [longEntry(0x0201, 0), longEntry(0x0202, thumbnail.length)];
  const at0 = 8;
  const atExif = at0 + ifdLength(ifd0Base);
  const atGps = atExif + ifdLength(exif);
  const at1 = atGps + ifdLength(gps);
  const atThumb = at1 + ifdLength(ifd1Base);
  const ifd0 = ifd0Base.map((e) =>
    e.tag === 0x8769 ? longEntry(e.tag, atExif) : e.tag === 0x8825 ? longEntry(e.tag, atGps) : e,
  );
  const ifd1 = [longEntry(0x0201, atThumb), longEntry(0x0202, thumbnail.length)];
  return concat(
    enc.encode('MM'),
    u16be(42),
    u32be(at0),
    ifd(ifd0, at0, at1),
    ifd(exif, atExif, 0),
    ifd(gps, atGps, 0),
    ifd(ifd1, at1, 0),
    thumbnail,
  );
}

/** A tiny stand-in thumbnail: a JPEG SOI, a comment holding SECRETS.thumb, EOI. */
export const thumbnailJpeg = (): Uint8Array =>
  concat(
    new Uint8Array([0xff, 0xd8, 0xff, 0xfe]),
    u16be(SECRETS.thumb.length + 2),
    enc.encode(SECRETS.thumb),
    new Uint8Array([0xff, 0xd9]),
  );

/** `jpeg` with an EXIF APP1 (exifTiff), an XMP APP1, an ICC APP2 and a comment after its SOI. */
export function jpegWithExif(jpeg: Uint8Array): Uint8Array {
  const segment = (marker: number, body: Uint8Array): Uint8Array =>
    concat(new Uint8Array([0xff, marker]), u16be(body.length + 2), body);
  const exif = concat(enc.encode('Exif\u0000\u0000'), exifTiff(thumbnailJpeg()));
  const xmp = concat(ascii0('http://ns.adobe.com/xap/1.0/'), enc.encode(xmpPacket()));
  const icc = concat(ascii0('ICC_PROFILE'), new Uint8Array([1, 1]), enc.encode('device-icc'));
  return concat(
    jpeg.subarray(0, 2),
    segment(0xe1, exif),
    segment(0xe1, xmp),
    segment(0xe2, icc),
    segment(0xfe, enc.encode(`Owner ${SECRETS.owner}`)),
    jpeg.subarray(2),
  );
}

const xmpPacket = (): string =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="${SECRETS.xmp}"/>` +
  `</rdf:RDF></x:xmpmeta>`;

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat(enc.encode(type), data);
  return concat(u32be(data.length), typed, u32be(crc32(typed)));
}

/** `png` with tEXt, iTXt (UTF-8), XMP iTXt and eXIf chunks inserted after its IHDR. */
export function pngWithText(png: Uint8Array): Uint8Array {
  const itxt = (keyword: string, text: string): Uint8Array =>
    concat(ascii0(keyword), new Uint8Array([0, 0]), ascii0(''), ascii0(''), enc.encode(text));
  const afterIhdr = 8 + 25;
  return concat(
    png.subarray(0, afterIhdr),
    pngChunk('tEXt', concat(ascii0('Comment'), enc.encode(SECRETS.pngText))),
    pngChunk('iTXt', itxt('Source', SECRETS.pngItxt)),
    pngChunk('iTXt', itxt('XML:com.adobe.xmp', xmpPacket())),
    pngChunk('eXIf', exifTiff(thumbnailJpeg())),
    png.subarray(afterIhdr),
  );
}

/**
 * A WebP (simple 'VP8 '/'VP8L', or extended 'VP8X' as Chromium writes it with an alpha chunk) as
 * an extended WebP with EXIF and XMP chunks after the image data.
 */
export function webpWithXmp(webp: Uint8Array, width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Uint8Array =>
    concat(enc.encode(type), u32le(data.length), data, new Uint8Array(data.length % 2));
  const u24le = (v: number): Uint8Array => new Uint8Array([v & 0xff, (v >>> 8) & 0xff, v >>> 16]);
  const extended = String.fromCharCode(...webp.subarray(12, 16)) === 'VP8X';
  // Flags: the original's (alpha), plus EXIF (0x08) and XMP (0x04).
  const flags = (extended ? (webp[20] ?? 0) : 0) | 0x0c;
  const vp8x = concat(new Uint8Array([flags, 0, 0, 0]), u24le(width - 1), u24le(height - 1));
  const body = concat(
    enc.encode('WEBP'),
    chunk('VP8X', vp8x),
    webp.subarray(extended ? 12 + 8 + 10 : 12),
    chunk('EXIF', exifTiff(thumbnailJpeg())),
    chunk('XMP ', enc.encode(xmpPacket())),
  );
  return concat(enc.encode('RIFF'), u32le(body.length), body);
}

/** A PNG that declares `width` × `height` with a few bytes of (empty) image data: a bomb. */
export function bombPng(width: number, height: number): Uint8Array {
  const ihdr = concat(u32be(width), u32be(height), new Uint8Array([8, 6, 0, 0, 0]));
  return concat(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', new Uint8Array([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', new Uint8Array(0)),
  );
}

/** Every way `text` may appear in bytes: ASCII/UTF-8, UTF-16LE and UTF-16BE. */
export function encodings(text: string): Uint8Array[] {
  const utf8 = enc.encode(text);
  const le = new Uint8Array(text.length * 2);
  const be = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    le[2 * i] = c & 0xff;
    le[2 * i + 1] = c >>> 8;
    be[2 * i] = c >>> 8;
    be[2 * i + 1] = c & 0xff;
  }
  return [utf8, le, be];
}

/** Whether `needle` occurs in `haystack`. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The secrets (and the GPS rationals as EXIF writes them) found in `bytes`; [] when clean. */
export function secretsIn(bytes: Uint8Array): string[] {
  const texts = [
    SECRETS.make,
    SECRETS.model,
    SECRETS.serial,
    SECRETS.lensSerial,
    SECRETS.owner,
    SECRETS.date,
    SECRETS.maker,
    SECRETS.thumb,
    SECRETS.latText,
    SECRETS.lonText,
    SECRETS.pngText,
    SECRETS.pngItxt,
    SECRETS.xmp,
    'Exif',
    'http://ns.adobe.com',
    'ICC_PROFILE',
  ];
  const found = texts.filter((t) => encodings(t).some((e) => containsBytes(bytes, e)));
  const rational = (dms: readonly number[]): Uint8Array =>
    concat(...dms.flatMap((v, i) => [u32be(v), u32be(i === 2 ? 100 : 1)]));
  for (const [name, dms] of [
    ['lat rationals', SECRETS.lat],
    ['lon rationals', SECRETS.lon],
  ] as const) {
    const be = rational(dms);
    const le = concat(
      ...Array.from({ length: 6 }, (_, i) => be.subarray(i * 4, i * 4 + 4).reverse()),
    );
    if (containsBytes(bytes, be) || containsBytes(bytes, le)) found.push(name);
  }
  return found;
}
