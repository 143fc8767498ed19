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
  'apply_failed',
] as const;

export type SyncRejection = EnvelopeRejection | (typeof SYNC_REJECTIONS)[number];
