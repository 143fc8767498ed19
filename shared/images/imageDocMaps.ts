import type * as Y from 'yjs';

/**
 * An image document (its own content doc, random 16-byte id) holds two roots, written once by
 * the member who inserted it:
 * - 'image': Y.Map { v: 1, mime, width, height, bytes, digest } (digest = imageDigest hex)
 * - 'chunks': Y.Array<Uint8Array>, the re-encoded bytes in order, each ≤ IMAGE_LIMITS.chunkBytes
 */
export const imageDocMaps = (
  doc: Y.Doc,
): { readonly header: Y.Map<unknown>; readonly chunks: Y.Array<unknown> } => ({
  header: doc.getMap<unknown>('image'),
  chunks: doc.getArray<unknown>('chunks'),
});
