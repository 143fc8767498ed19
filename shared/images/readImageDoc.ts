import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { isCanonicalImage } from './canonicalImage.ts';
import { imageDigest } from './imageDigest.ts';
import { imageDocMaps } from './imageDocMaps.ts';
import { IMAGE_LIMITS } from './imageLimits.ts';
import { parseImageHeader, type ImageMime } from './parseImageHeader.ts';

export interface StoredImage {
  readonly mime: ImageMime;
  readonly width: number;
  readonly height: number;
  readonly bytes: Uint8Array;
}

/** 'missing': nothing arrived yet (shown as loading); anything else: refused (a placeholder). */
export type ImageDocError =
  'missing' | 'bad_header' | 'bad_chunks' | 'digest_mismatch' | 'bad_image' | 'not_canonical';

const ALLOWED: readonly string[] = ['image/webp', 'image/jpeg'];
const STORED = { maxSide: IMAGE_LIMITS.storedMaxSide, maxPixels: Number.MAX_SAFE_INTEGER };

const isSize = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;

/**
 * An image document as a receiver may show it, checked from its bytes up: a known header (type
 * on the allow-list, dimensions within the stored maximum, a length within the cap), chunks that
 * are all bytes and add up to exactly that length, the digest of the bytes equal to the header's,
 * the container header of the bytes themselves agreeing on type and size, and the bytes exactly in
 * the canonical form the sanitiser writes (isCanonicalImage: no metadata chunk or segment, nothing
 * after the picture), so an informer's app that skips the sanitiser cannot hand other members a
 * photo with its EXIF, XMP or ICC. Anything else is refused, never thrown: a member may write junk
 * into any document.
 */
export function readImageDoc(doc: Y.Doc): Result<StoredImage, ImageDocError> {
  const { header, chunks } = imageDocMaps(doc);
  if (header.size === 0 && chunks.length === 0) return err('missing');
  const mime = header.get('mime');
  const width = header.get('width');
  const height = header.get('height');
  const length = header.get('bytes');
  const digest = header.get('digest');
  if (
    header.get('v') !== 1 ||
    typeof mime !== 'string' ||
    !ALLOWED.includes(mime) ||
    !isSize(width, IMAGE_LIMITS.storedMaxSide) ||
    !isSize(height, IMAGE_LIMITS.storedMaxSide) ||
    !isSize(length, IMAGE_LIMITS.storedMaxBytes) ||
    typeof digest !== 'string'
  )
    return err('bad_header');
  const maxChunks = Math.ceil(IMAGE_LIMITS.storedMaxBytes / IMAGE_LIMITS.chunkBytes);
  if (chunks.length > maxChunks) return err('bad_chunks', 'too many chunks');
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    if (!(chunk instanceof Uint8Array) || chunk.length > IMAGE_LIMITS.chunkBytes)
      return err('bad_chunks', 'not a chunk');
    if (at + chunk.length > length) return err('bad_chunks', 'longer than declared');
    bytes.set(chunk, at);
    at += chunk.length;
  }
  if (at !== length) return err('bad_chunks', 'shorter than declared');
  if (imageDigest(bytes) !== digest) return err('digest_mismatch');
  const parsed = parseImageHeader(bytes, STORED);
  if (
    !parsed.ok ||
    parsed.value.mime !== mime ||
    parsed.value.width !== width ||
    parsed.value.height !== height
  )
    return err('bad_image', parsed.ok ? 'header disagrees' : parsed.error);
  if (!isCanonicalImage(bytes)) return err('not_canonical');
  return ok({ mime: parsed.value.mime, width, height, bytes });
}
