import type * as Y from 'yjs';
import { readImageDoc, type StoredImage } from '../../shared/images/readImageDoc.ts';
import type { ImageStore } from './ImageStore.ts';

export type ShownImage =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly image: StoredImage }
  /** `notCanonical`: well-formed, but not in the sanitiser's form (it may carry metadata). */
  | { readonly kind: 'refused'; readonly notCanonical: boolean };

/**
 * What an image view may show of image `id` (its document `doc`): the checked image, 'loading'
 * until something arrives, or 'refused' (readImageDoc said no), which the store counts. The one
 * gate between a received image document and the screen.
 */
export function readShownImage(store: ImageStore, id: string, doc: Y.Doc): ShownImage {
  const read = readImageDoc(doc);
  if (read.ok) return { kind: 'ready', image: read.value };
  if (read.error === 'missing') return { kind: 'loading' };
  store.noteRefused?.(id);
  return { kind: 'refused', notCanonical: read.error === 'not_canonical' };
}
