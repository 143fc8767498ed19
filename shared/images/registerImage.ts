import type * as Y from 'yjs';
import { cellIndexMaps } from '../cell/cellIndexMaps.ts';

/** Lists a new image document in the cell index (after checkImageBudget said it fits). */
export function registerImage(indexDoc: Y.Doc, imageId: string, bytes: number): void {
  cellIndexMaps(indexDoc).images.set(imageId, bytes);
}
