import type * as Y from 'yjs';
import type { ImageWriter } from '../../shared/images/checkImageBudget.ts';

/**
 * What the editor needs to show and insert images: the cell's content documents (each image is
 * its own document) and, to insert, the cell index (the image budget lists images there) and who
 * is inserting (each member's budget counts the entries she wrote).
 */
export interface ImageStore {
  doc(docId: Uint8Array): Y.Doc;
  readonly indexDoc?: Y.Doc;
  readonly writer?: ImageWriter;
  /** Counts an image this device refused (shown as a placeholder), once per image. */
  readonly noteRefused?: (imageId: string) => void;
}
