import { fromHex } from '../crypto/bytes.ts';
import { isDraftId } from './ids.ts';

/** The document id of a draft: the 16 bytes its hex id names; undefined for an invalid id. */
export const draftDocId = (draftId: string): Uint8Array | undefined =>
  isDraftId(draftId) ? fromHex(draftId) : undefined;
