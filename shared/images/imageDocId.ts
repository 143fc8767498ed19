import { fromHex } from '../crypto/bytes.ts';
import { isDraftId, newId } from '../cell/ids.ts';

/** A new image id: 16 random bytes as hex, outside the reserved range (like a draft's). */
export function newImageId(): string {
  let id = newId();
  while (!isDraftId(id)) id = newId();
  return id;
}

/** The document id of an image: the 16 bytes its hex id names; undefined for an invalid id. */
export const imageDocId = (imageId: string): Uint8Array | undefined =>
  isDraftId(imageId) ? fromHex(imageId) : undefined;
