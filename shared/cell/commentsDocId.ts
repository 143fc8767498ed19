import { fromHex, toHex } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import { COMMENTS_DOC_PREFIX, isDraftId } from './ids.ts';

const PREFIX = fromHex(COMMENTS_DOC_PREFIX);

/**
 * The document holding a draft's comment threads (not its body): COMMENTS_DOC_PREFIX (8 bytes) ||
 * the first 8 bytes of H(commentsDoc, draft id). Apart from the body so that a cell can let its
 * readers write here and nowhere else (readersCommentPolicy): every peer tells a comments document
 * from its id alone (isCommentsDocId), and isDraftId keeps drafts and images out of that range.
 * Undefined for an invalid draft id.
 */
export function commentsDocId(draftId: string): Uint8Array | undefined {
  const draft = isDraftId(draftId) ? fromHex(draftId) : undefined;
  if (!draft || !PREFIX) return undefined;
  const id = new Uint8Array(16);
  id.set(PREFIX, 0);
  id.set(hash(LABELS.commentsDoc, [draft], 16).subarray(0, 8), 8);
  return id;
}

/** Is this document id in the comments documents' range (the write check asks, per document)? */
export const isCommentsDocId = (docId: Uint8Array): boolean =>
  docId.length === 16 && toHex(docId.subarray(0, 8)) === COMMENTS_DOC_PREFIX;
