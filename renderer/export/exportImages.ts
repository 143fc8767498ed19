import type * as Y from 'yjs';
import type { ExportImage } from '../../shared/export/ExportImage.ts';
import type { Block } from '../../shared/export/IssueBlock.ts';
import type { IssueLayout } from '../../shared/export/IssueLayout.ts';
import { pngPixelsOnly } from '../../shared/export/pngPixelsOnly.ts';
import { printImageSize } from '../../shared/export/printImageSize.ts';
import { imageDocId } from '../../shared/images/imageDocId.ts';
import { parseImageHeader } from '../../shared/images/parseImageHeader.ts';
import { readImageDoc } from '../../shared/images/readImageDoc.ts';
import { reencodeImageInWorker } from './reencodeImageInWorker.ts';
import type { ReencodeResponse } from './reencodeMessages.ts';

/** Every image id in the blocks (lists and quotes too), each once, in reading order. */
export function imageIdsOf(blocks: readonly Block[], into: string[] = []): string[] {
  for (const block of blocks) {
    if (block.type === 'image' && !into.includes(block.id)) into.push(block.id);
    else if (block.type === 'blockquote') imageIdsOf(block.blocks, into);
    else if (block.type === 'bulletList' || block.type === 'orderedList')
      for (const item of block.items) imageIdsOf(item, into);
  }
  return into;
}

/** The image ids of an issue's drafts, each once, in reading order. */
export const issueImageIds = (drafts: readonly { readonly blocks: readonly Block[] }[]): string[] =>
  drafts.reduce<string[]>((ids, draft) => imageIdsOf(draft.blocks, ids), []);

/**
 * The images `ids` names (issueImageIds) as the exports print them: each image document read and
 * checked (readImageDoc), its bytes decoded and re-encoded as PNG from the pixels alone
 * (`reencode`, a worker) at print size for `layout` (printImageSize: at most PRINT_PPI at the
 * widest it prints, so that an issue with many photos stays under the PDF's HTML cap), and the
 * PNG cut to the chunks that draw it. The received bytes are
 * never passed on: an image that is missing, refused, undecodable or re-encoded into anything
 * but a PNG of the size it reports is left out (the exports print its alt text instead). One
 * image at a time.
 */
export async function exportImages(
  docOf: (docId: Uint8Array) => Y.Doc,
  ids: readonly string[],
  layout: IssueLayout,
  reencode: (
    bytes: Uint8Array,
    fit: { readonly width: number; readonly height: number },
  ) => Promise<ReencodeResponse> = reencodeImageInWorker,
): Promise<Map<string, ExportImage>> {
  const images = new Map<string, ExportImage>();
  for (const id of ids) {
    if (images.has(id)) continue;
    const docId = imageDocId(id);
    if (!docId) continue;
    const stored = readImageDoc(docOf(docId));
    if (!stored.ok) continue;
    const fit = printImageSize(layout, stored.value.width, stored.value.height);
    const fresh = await reencode(stored.value.bytes, fit);
    if (!fresh.ok || fresh.width !== fit.width || fresh.height !== fit.height) continue;
    const png = pngPixelsOnly(fresh.bytes);
    if (!png.ok) continue;
    const header = parseImageHeader(png.value);
    if (
      !header.ok ||
      header.value.mime !== 'image/png' ||
      header.value.width !== fresh.width ||
      header.value.height !== fresh.height
    )
      continue;
    images.set(id, {
      mime: 'image/png',
      bytes: png.value,
      width: fresh.width,
      height: fresh.height,
    });
  }
  return images;
}
