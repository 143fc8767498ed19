/** Every reason a received frame (or the partial message it belonged to) is dropped. */
export const FRAME_DROP_REASONS = [
  /** Not an ArrayBuffer or byte view (a text message on a chunked channel). */
  'not_binary',
  'too_short',
  'bad_version',
  'bad_flags',
  /** Declared total above the receiver's maxMessageBytes. */
  'too_large',
  /** Frame count does not match the declared total. */
  'bad_count',
  'bad_index',
  /** Payload length does not match the index and total. */
  'bad_length',
  /** Header disagrees with earlier frames of the same message id (the partial is dropped too). */
  'mismatch',
  /** Same index twice (the partial is dropped too). */
  'duplicate',
  /** A partial message pushed out by the partial-count or buffered-bytes cap. */
  'evicted',
  /** Text flag set but the payload is not valid UTF-8. */
  'bad_text',
] as const;

export type FrameDropReason = (typeof FRAME_DROP_REASONS)[number];
