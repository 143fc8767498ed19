import { err, ok, type Result } from '../util/result.ts';
import type { FrameDropReason } from './FrameDropReason.ts';
import {
  FRAME_FLAG_TEXT,
  FRAME_HEADER_BYTES,
  FRAME_VERSION,
  frameCount,
  framePayloadLength,
} from './frameFormat.ts';

export interface DecodedFrame {
  readonly messageId: number;
  readonly index: number;
  readonly count: number;
  readonly total: number;
  readonly text: boolean;
  /** A view into the frame: copy it before the frame's buffer is reused. */
  readonly payload: Uint8Array;
}

/**
 * Parses and checks one frame on its own (frameFormat.ts). Cross-frame checks (same header for
 * one message id, duplicates) are the reassembler's. Never throws.
 */
export function decodeFrame(
  frame: Uint8Array,
  maxMessageBytes: number,
): Result<DecodedFrame, FrameDropReason> {
  if (frame.length < FRAME_HEADER_BYTES) return err('too_short');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (view.getUint8(0) !== FRAME_VERSION) return err('bad_version');
  const flags = view.getUint8(1);
  if ((flags & ~FRAME_FLAG_TEXT) !== 0) return err('bad_flags');
  const messageId = view.getUint32(2, false);
  const index = view.getUint32(6, false);
  const count = view.getUint32(10, false);
  const total = view.getUint32(14, false);
  if (total > maxMessageBytes) return err('too_large');
  if (count !== frameCount(total)) return err('bad_count');
  if (index >= count) return err('bad_index');
  if (frame.length - FRAME_HEADER_BYTES !== framePayloadLength(total, index))
    return err('bad_length');
  return ok({
    messageId,
    index,
    count,
    total,
    text: (flags & FRAME_FLAG_TEXT) !== 0,
    payload: frame.subarray(FRAME_HEADER_BYTES),
  });
}
