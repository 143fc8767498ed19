import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import { isCanonicalImage } from './canonicalImage.ts';
import { imageDigest } from './imageDigest.ts';
import { imageDocMaps } from './imageDocMaps.ts';
import { IMAGE_LIMITS } from './imageLimits.ts';
import { parseImageHeader } from './parseImageHeader.ts';

const STORED = { maxSide: IMAGE_LIMITS.storedMaxSide, maxPixels: Number.MAX_SAFE_INTEGER };

/**
 * Writes sanitised image bytes into a fresh image document in one transaction (one update, well
 * under the update budget): the header, then the bytes in chunks. Refuses bytes that a receiver
 * would refuse (readImageDoc), and a document that already holds something.
 */
export function writeImageDoc(
  doc: Y.Doc,
  bytes: Uint8Array,
): Result<void, 'not_empty' | 'too_large' | 'bad_image'> {
  const { header, chunks } = imageDocMaps(doc);
  if (header.size > 0 || chunks.length > 0) return err('not_empty');
  if (bytes.length > IMAGE_LIMITS.storedMaxBytes) return err('too_large');
  const parsed = parseImageHeader(bytes, STORED);
  if (!parsed.ok) return err('bad_image', parsed.error);
  if (parsed.value.mime === 'image/png') return err('bad_image', 'png is not stored');
  if (!isCanonicalImage(bytes)) return err('bad_image', 'not canonical');
  const { mime, width, height } = parsed.value;
  const parts: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += IMAGE_LIMITS.chunkBytes)
    parts.push(bytes.slice(at, at + IMAGE_LIMITS.chunkBytes));
  doc.transact(() => {
    header.set('v', 1);
    header.set('mime', mime);
    header.set('width', width);
    header.set('height', height);
    header.set('bytes', bytes.length);
    header.set('digest', imageDigest(bytes));
    chunks.push(parts);
  });
  return ok(undefined);
}
