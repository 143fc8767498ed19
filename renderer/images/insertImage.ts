import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { checkImageBudget, type ImageWriter } from '../../shared/images/checkImageBudget.ts';
import { imageDocId, newImageId } from '../../shared/images/imageDocId.ts';
import { registerImage } from '../../shared/images/registerImage.ts';
import { writeImageDoc } from '../../shared/images/writeImageDoc.ts';
import { err, ok, type Result } from '../../shared/util/result.ts';
import type { ImageStore } from './ImageStore.ts';

/**
 * Puts sanitised bytes into the cell: checks the member's image budget, writes a new image
 * document, lists it in the cell index, and inserts the image node at the editor's selection.
 */
export function insertImage(
  editor: Editor,
  store: ImageStore,
  indexDoc: Y.Doc,
  writer: ImageWriter,
  image: { readonly bytes: Uint8Array; readonly width: number; readonly height: number },
  text: { readonly alt: string; readonly decorative: boolean; readonly caption: string },
): Result<string, 'member_images_count' | 'member_images_bytes' | 'write_failed'> {
  const budget = checkImageBudget(indexDoc, image.bytes.length, writer);
  if (!budget.ok) return budget;
  const id = newImageId();
  const docId = imageDocId(id);
  if (!docId) return err('write_failed');
  const written = writeImageDoc(store.doc(docId), image.bytes);
  if (!written.ok) return err('write_failed', written.error);
  registerImage(indexDoc, id, image.bytes.length);
  editor
    .chain()
    .focus()
    .insertDraftImage({ id, ...text, width: image.width, height: image.height })
    .run();
  return ok(id);
}
