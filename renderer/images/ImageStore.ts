import type * as Y from 'yjs';

/**
 * What the editor needs to show and insert images: the cell's content documents (each image is
 * its own document) and, to insert, the cell index (the per-cell image budget lists images there).
 */
export interface ImageStore {
  doc(docId: Uint8Array): Y.Doc;
  readonly indexDoc?: Y.Doc;
}
