/**
 * Wire format of one data-channel frame (docs/TRANSPORT.md). WebRTC stacks fail or silently drop
 * messages above ~256 KiB and y-webrtc never splits its sync messages, so every message crosses a
 * data channel as one or more frames of at most 64 KiB. All integers are big-endian:
 *
 *   offset 0   u8   version (1)
 *   offset 1   u8   flags: bit 0 = the message is UTF-8 text; every other bit must be 0
 *   offset 2   u32  message id, chosen by the sender per channel (a wrapping counter)
 *   offset 6   u32  frame index, 0-based
 *   offset 10  u32  frame count, >= 1 (a 0-byte message is one frame with an empty payload)
 *   offset 14  u32  total message length in bytes
 *   offset 18  payload: exactly PAYLOAD bytes in every frame but the last, the rest in the last
 *
 * Fixing the payload size per version makes every field checkable on its own: the count follows
 * from the total, and each frame's length and offset from its index.
 */
export const FRAME_VERSION = 1;
export const FRAME_FLAG_TEXT = 1;
export const FRAME_HEADER_BYTES = 18;
/** Whole frame, header included: 64 KiB, a size every WebRTC stack delivers. */
export const FRAME_BYTES = 64 * 1024;
export const FRAME_PAYLOAD_BYTES = FRAME_BYTES - FRAME_HEADER_BYTES;

/** Number of frames a message of `total` bytes takes. */
export const frameCount = (total: number): number =>
  Math.max(1, Math.ceil(total / FRAME_PAYLOAD_BYTES));

/** Payload length of frame `index` of a message of `total` bytes (index < frameCount(total)). */
export const framePayloadLength = (total: number, index: number): number =>
  index < frameCount(total) - 1 ? FRAME_PAYLOAD_BYTES : total - index * FRAME_PAYLOAD_BYTES;
