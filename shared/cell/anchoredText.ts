import * as Y from 'yjs';
import { bodyTexts } from './bodyTexts.ts';
import type { CommentAnchor } from './CommentThread.ts';

/** Where an encoded relative position falls now: a Y.XmlText of the body and an index in it. */
function resolve(draftDoc: Y.Doc, bytes: Uint8Array): { type: Y.XmlText; index: number } | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(bytes),
      draftDoc,
    );
  } catch {
    return null; // a peer's garbage bytes
  }
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  return { type: absolute.type, index: absolute.index };
}

/**
 * The body text a comment's anchor spans now (paragraphs joined by '\n'), '' when every character
 * of it was deleted between two that remain, or undefined when the anchor no longer points into
 * the body (its paragraph was removed, or the bytes are not a position here).
 */
export function anchoredText(draftDoc: Y.Doc, anchor: CommentAnchor): string | undefined {
  const start = resolve(draftDoc, anchor.start);
  const end = resolve(draftDoc, anchor.end);
  if (!start || !end) return undefined;
  let joined = '';
  let from: number | undefined;
  let to: number | undefined;
  for (const [i, { type, text }] of bodyTexts(draftDoc).entries()) {
    if (i > 0) joined += '\n';
    if (type === start.type) from = joined.length + Math.min(start.index, text.length);
    if (type === end.type) to = joined.length + Math.min(end.index, text.length);
    joined += text;
  }
  if (from === undefined || to === undefined) return undefined;
  return to <= from ? '' : joined.slice(from, to);
}
