/** Bounds of the chunking layer, per data channel. Sizes in bytes, times in milliseconds. */
export interface ChunkLimits {
  /** Largest message sent or reassembled (a wire doc above this must roll over first). */
  readonly maxMessageBytes: number;
  /** Incomplete messages kept at once; an honest sender never interleaves, so 1 is normal. */
  readonly maxPartialMessages: number;
  /** Payload bytes held in incomplete messages; the oldest partial is evicted beyond it. */
  readonly maxPartialBytes: number;
  /** Frames are handed to the real channel only while its bufferedAmount is below this. */
  readonly highWaterBytes: number;
  /** Sending resumes when the real channel drains to this (bufferedamountlow threshold). */
  readonly lowWaterBytes: number;
  /** Poll interval where the platform has no bufferedamountlow event (@roamhq/wrtc). */
  readonly pollMs: number;
}

export const defaultChunkLimits: ChunkLimits = {
  maxMessageBytes: 32 * 1024 * 1024,
  maxPartialMessages: 4,
  maxPartialBytes: 32 * 1024 * 1024,
  highWaterBytes: 1024 * 1024,
  lowWaterBytes: 256 * 1024,
  pollMs: 10,
};

/** Fills in defaults; a non-positive or non-finite override is ignored rather than trusted. */
export const resolveChunkLimits = (overrides: Partial<ChunkLimits> = {}): ChunkLimits => {
  const out: Record<string, number> = { ...defaultChunkLimits };
  for (const [key, value] of Object.entries(overrides)) {
    if (
      key in defaultChunkLimits &&
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value > 0
    )
      out[key] = Math.floor(value);
  }
  // The frame header carries the total as a u32.
  out.maxMessageBytes = Math.min(out.maxMessageBytes ?? 0, 0xffffffff);
  return out as unknown as ChunkLimits;
};
