import type { EnvelopeRejection } from '../envelope/EnvelopeRejection.ts';

/** Every reason the engine drops a wire entry. Each is counted in diagnostics. */
export const SYNC_REJECTIONS = [
  'not_bytes',
  'not_member',
  'not_writer',
  'equivocation',
  'malformed_update',
  'malformed_snapshot',
  'malformed_rollover',
  'clientid_unclaimed',
  'clientid_conflict',
  'unknown_author',
  'pending_evicted',
  // An update or snapshot that would nest a document deeper than MAX_DOC_DEPTH (checkDocDepth).
  'too_deep',
  // An update or snapshot that would cost more than MAX_UPDATE_COST to integrate (checkUpdateCost).
  'too_costly',
  // An update over SyncLimits.maxUpdateBytes, or one that would take its document's state past
  // maxDocBytes (a snapshot's state too).
  'over_budget',
  // Structs (or deletions) Yjs parked for missing origins, dropped over SyncLimits.parkedMax*.
  'parked_dropped',
  // A reader's comment update (her grant only) that touches others' structs or roots
  // (checkReaderUpdate).
  'reader_overreach',
  'apply_failed',
  // A snapshot outside a rollover or top-up context: in the cell's first wire doc (PROTOCOL §8).
  'snapshot_out_of_context',
  // A roster envelope's op: bad bytes (size, layout, cell, signature) ...
  'roster_invalid',
  // ... cannot count even in its own causal past (the author lacked the role there) ...
  'roster_unauthorised',
  // ... or over its author's (or sender's) cap of held or waiting ops.
  'roster_over_cap',
] as const;

export type SyncRejection = EnvelopeRejection | (typeof SYNC_REJECTIONS)[number];
