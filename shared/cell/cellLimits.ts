/**
 * Bounds on every value the cell documents hold. Values come from peers: a reader drops (and
 * counts) an entry that breaks them, and a writer never produces one.
 */
export const CELL_LIMITS = {
  titleMaxChars: 200,
  notesMaxChars: 10_000,
  labelMaxChars: 40,
  labelsMax: 20,
  versionNameMaxChars: 100,
  /** One saved version (a whole copy of the body). */
  versionStateMaxBytes: 4 * 1024 * 1024,
  /** Entries read from one map; the rest are counted as dropped. */
  draftsMax: 2000,
  tasksMax: 5000,
  versionsMax: 1000,
  orderKeyMaxChars: 1000,
  /** One comment or reply (multi-line). */
  commentMaxChars: 4000,
  /** The text a comment was made on, kept as it was for when that text is gone. */
  commentQuoteMaxChars: 200,
  /** One encoded Y.RelativePosition (an item id and an assoc: well under this). */
  commentAnchorMaxBytes: 64,
  /** Comments and replies read from one draft; the rest are counted as dropped. */
  commentsMax: 2000,
} as const;
