import {
  FRAME_FLAG_TEXT,
  FRAME_HEADER_BYTES,
  FRAME_PAYLOAD_BYTES,
  FRAME_VERSION,
  frameCount,
  framePayloadLength,
} from './frameFormat.ts';

/**
 * Builds frame `index` of `message` (see frameFormat.ts). Frames are built one at a time, when the
 * channel has room, so a multi-MB message never exists twice in memory as frames.
 */
export function encodeFrame(
  message: Uint8Array,
  messageId: number,
  index: number,
  text: boolean,
): Uint8Array {
  const total = message.length;
  const count = frameCount(total);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError('frame index');
  if (total > 0xffffffff) throw new RangeError('message too large for the frame header');
  const length = framePayloadLength(total, index);
  const start = index * FRAME_PAYLOAD_BYTES;
  const frame = new Uint8Array(FRAME_HEADER_BYTES + length);
  const view = new DataView(frame.buffer);
  view.setUint8(0, FRAME_VERSION);
  view.setUint8(1, text ? FRAME_FLAG_TEXT : 0);
  view.setUint32(2, messageId >>> 0, false);
  view.setUint32(6, index, false);
  view.setUint32(10, count, false);
  view.setUint32(14, total, false);
  frame.set(message.subarray(start, start + length), FRAME_HEADER_BYTES);
  return frame;
}
