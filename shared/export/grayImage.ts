import {
  decodePDFRawStream,
  PDFArray,
  PDFName,
  PDFNumber,
  PDFRawStream,
  type PDFContext,
} from 'pdf-lib';
import { err, ok, type Result } from '../util/result.ts';

const name = (key: string): PDFName => PDFName.of(key);

/** Pixels of one image converted here, at most: a photo at print size is far under it. */
const MAX_PIXELS = 40_000_000;

const numberOf = (context: PDFContext, value: unknown): number | undefined => {
  const looked = value === undefined ? undefined : context.lookup(value as PDFNumber);
  return looked instanceof PDFNumber ? looked.asNumber() : undefined;
};

/** 1 or 3 for DeviceGray / DeviceRGB or an ICCBased space of that many components; else 0. */
function components(context: PDFContext, space: unknown): number {
  const value = space === undefined ? undefined : context.lookup(space as PDFName);
  if (value === name('DeviceGray')) return 1;
  if (value === name('DeviceRGB')) return 3;
  if (!(value instanceof PDFArray) || value.size() !== 2 || value.get(0) !== name('ICCBased'))
    return 0;
  const profile = context.lookup(value.get(1));
  if (!(profile instanceof PDFRawStream)) return 0;
  const n = numberOf(context, profile.dict.get(name('N')));
  return n === 1 || n === 3 ? n : 0;
}

/**
 * An RGB image XObject as Chromium prints a decoded picture (8 bits, Flate or unfiltered, no
 * predictor, no Decode array) redrawn in DeviceGray: each pixel's luma (ITU-R BT.601, as
 * grayContentStream turns colours gray), compressed again. 'gray' when it already is;
 * 'unsupported' for any other shape (a JPEG passed through as DCTDecode, an indexed image...),
 * which the caller refuses rather than print in colour.
 */
export function grayImage(
  context: PDFContext,
  image: PDFRawStream,
): Result<PDFRawStream | 'gray', 'unsupported'> {
  const dict = image.dict;
  const n = components(context, dict.get(name('ColorSpace')));
  if (n === 1) return ok('gray');
  const width = numberOf(context, dict.get(name('Width')));
  const height = numberOf(context, dict.get(name('Height')));
  const filter = context.lookup(dict.get(name('Filter')));
  if (
    n !== 3 ||
    numberOf(context, dict.get(name('BitsPerComponent'))) !== 8 ||
    (filter !== undefined && filter !== name('FlateDecode')) ||
    dict.get(name('DecodeParms')) !== undefined ||
    dict.get(name('Decode')) !== undefined ||
    width === undefined ||
    height === undefined ||
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width * height > MAX_PIXELS
  )
    return err('unsupported');
  let rgb: Uint8Array;
  try {
    rgb = decodePDFRawStream(image).decode();
  } catch {
    return err('unsupported', 'undecodable');
  }
  const pixels = width * height;
  if (rgb.length < pixels * 3) return err('unsupported', 'short image data');
  const gray = new Uint8Array(pixels);
  for (let i = 0, at = 0; i < pixels; i++, at += 3) {
    const luma = 0.299 * (rgb[at] ?? 0) + 0.587 * (rgb[at + 1] ?? 0) + 0.114 * (rgb[at + 2] ?? 0);
    gray[i] = Math.round(luma);
  }
  const replaced = context.flateStream(gray);
  const dropped = ['Filter', 'DecodeParms', 'Length', 'ColorSpace'].map(name);
  for (const [key, value] of dict.entries()) {
    if (!dropped.includes(key)) replaced.dict.set(key, value);
  }
  replaced.dict.set(name('ColorSpace'), name('DeviceGray'));
  return ok(replaced);
}
