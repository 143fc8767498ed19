import { diagnosticLabel, type NamedCounter, type RejectionReason } from './diagnosticLabel.ts';

/**
 * Whether a diagnostics count is to be expected, said in the user's language next to it:
 * - normal: part of ordinary syncing;
 * - afterRemoval: expected for a while after someone was removed, left or became a reader (their
 *   device keeps sending until it learns), a worry only if it keeps rising for days;
 * - afterKeyChange: expected for a while after a key change or time offline;
 * - otherTraffic: usually harmless (others on the same server, another version of Quire, a bad
 *   network);
 * - suspicious: not expected from honest members: forged, hostile or broken data; tell a
 *   coordinator.
 */
export type DiagnosticNote =
  'normal' | 'afterRemoval' | 'afterKeyChange' | 'otherTraffic' | 'suspicious';

// Records over every counter and reason: a new one does not compile until it is classified.
const NAMED: Record<NamedCounter, DiagnosticNote> = {
  applied: 'normal',
  duplicates: 'normal',
  replays: 'normal',
  pending: 'normal',
  snapshotsWaiting: 'afterKeyChange',
  republished: 'normal',
  reinserted: 'otherTraffic',
  evicted: 'otherTraffic',
  rekeyed: 'normal',
  rekeyFailed: 'afterKeyChange',
  rolloverFailed: 'afterKeyChange',
  equivocators: 'suspicious',
  quarantined: 'suspicious',
  forkHeals: 'suspicious',
  presenceDropped: 'otherTraffic',
  imagesRefused: 'suspicious',
  invitesHosted: 'normal',
  invitesDuplicates: 'normal',
  invitesIgnored: 'normal',
  invitesOtherNotices: 'normal',
  invitesReinserted: 'otherTraffic',
};

const REJECTED: Record<RejectionReason, DiagnosticNote> = {
  too_large: 'otherTraffic',
  bad_length: 'otherTraffic',
  unsupported_version: 'otherTraffic',
  decrypt_failed: 'afterKeyChange',
  bad_padding: 'otherTraffic',
  malformed: 'otherTraffic',
  unknown_kind: 'otherTraffic',
  bad_signature: 'suspicious',
  not_bytes: 'otherTraffic',
  not_member: 'afterRemoval',
  not_writer: 'afterRemoval',
  equivocation: 'suspicious',
  malformed_update: 'suspicious',
  malformed_snapshot: 'suspicious',
  malformed_rollover: 'suspicious',
  clientid_unclaimed: 'suspicious',
  clientid_conflict: 'suspicious',
  unknown_author: 'afterKeyChange',
  pending_evicted: 'otherTraffic',
  too_deep: 'suspicious',
  too_costly: 'suspicious',
  over_budget: 'suspicious',
  parked_dropped: 'otherTraffic',
  reader_overreach: 'suspicious',
  apply_failed: 'suspicious',
  snapshot_out_of_context: 'suspicious',
  roster_invalid: 'suspicious',
  roster_unauthorised: 'suspicious',
  roster_over_cap: 'suspicious',
};

/** What to make of a counter; undefined for one this version does not know. */
export function diagnosticNote(name: string): DiagnosticNote | undefined {
  const label = diagnosticLabel(name);
  if (label.kind === 'named') return NAMED[label.counter];
  if (label.kind === 'rejected') return REJECTED[label.reason];
  if (label.kind === 'inviteDropped') return 'otherTraffic';
  return undefined;
}
