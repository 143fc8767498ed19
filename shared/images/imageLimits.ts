/**
 * Every bound on images, in one place. Declared dimensions are checked from the container header
 * before anything decodes (parseImageHeader); stored bytes stay far under the engine's receipt
 * budgets (SyncLimits: 2 MiB per update, 6 MiB per document) so one image is one update.
 */
export const IMAGE_LIMITS = {
  /** A picked or pasted file larger than this is refused before it is read. */
  sourceMaxBytes: 40 * 1024 * 1024,
  /** Declared width or height of a source image (before decoding). */
  sourceMaxSide: 16_384,
  /** Declared pixels of a source image: 40 megapixels (160 MB of RGBA when decoded). */
  sourceMaxPixels: 40_000_000,
  /** The long side an image is downscaled to before it enters the cell. */
  storedMaxSide: 1600,
  /** Re-encoded bytes of one stored image. */
  storedMaxBytes: 1024 * 1024,
  /** One chunk of an image document's bytes. */
  chunkBytes: 256 * 1024,
  /**
   * Per member, counted from the cell index entries she wrote, when inserting: every rollover
   * writes a snapshot of every document (each image again) into the next wire doc, and a relay
   * stores them all. Per member, not per cell, so that no member can use up everyone's share.
   */
  memberMaxImages: 20,
  memberMaxBytes: 4 * 1024 * 1024,
  altMaxChars: 500,
  captionMaxChars: 300,
  /** The sanitising worker is terminated after this long and the image refused. */
  sanitiseTimeoutMs: 15_000,
} as const;
