import { PDFArray, PDFDict, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';

/**
 * Deletes every indirect object not reachable from the trailer's Root and Info. pdf-lib writes
 * all objects it holds, referenced or not, so a removed Info dictionary, XMP stream, annotation
 * or an old revision's object would otherwise still be in the saved file. Returns how many
 * objects were deleted.
 */
export function collectPdfGarbage(context: PDFContext): number {
  const reachable = new Set<string>();
  const pending: PDFObject[] = [];
  for (const root of [context.trailerInfo.Root, context.trailerInfo.Info]) {
    if (root) pending.push(root);
  }
  while (pending.length > 0) {
    const object = pending.pop();
    if (object instanceof PDFRef) {
      const key = object.toString();
      if (reachable.has(key)) continue;
      reachable.add(key);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    }
  }
  let deleted = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref.toString()) && context.delete(ref)) deleted++;
  }
  return deleted;
}
