import * as Y from 'yjs';

/**
 * One end of a comment's anchor: position `index` of `type` (a Y.XmlText of the body) as an
 * encoded Y.RelativePosition. The start sticks to the character after it and the end to the
 * character before it, so text typed just outside the commented span stays outside, and the span
 * follows its characters through any concurrent edit.
 */
export function commentAnchorPoint(
  type: Parameters<typeof Y.createRelativePositionFromTypeIndex>[0],
  index: number,
  side: 'start' | 'end',
): Uint8Array {
  const position = Y.createRelativePositionFromTypeIndex(type, index, side === 'start' ? 0 : -1);
  return Y.encodeRelativePosition(position);
}
