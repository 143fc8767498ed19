import { ENVELOPE_REJECTIONS } from '../../shared/envelope/EnvelopeRejection.ts';
import { SYNC_REJECTIONS } from '../../shared/sync/SyncRejection.ts';

/** Counters with a name of their own (renderer/session/createCellSession.ts `diagnostics`). */
export const NAMED_COUNTERS = {
  applied: 'applied',
  duplicates: 'duplicates',
  replays: 'replays',
  pending: 'pending',
  snapshotsWaiting: 'snapshotsWaiting',
  republished: 'republished',
  reinserted: 'reinserted',
  evicted: 'evicted',
  rekeyed: 'rekeyed',
  rekeyFailed: 'rekeyFailed',
  rolloverFailed: 'rolloverFailed',
  equivocators: 'equivocators',
  quarantined: 'quarantined',
  forkHeals: 'forkHeals',
  'presence.dropped': 'presenceDropped',
  'images.refused': 'imagesRefused',
  'invites.hosted': 'invitesHosted',
  'invites.duplicates': 'invitesDuplicates',
  'invites.ignored': 'invitesIgnored',
  'invites.otherNotices': 'invitesOtherNotices',
  'invites.reinserted': 'invitesReinserted',
} as const;

export type NamedCounter = (typeof NAMED_COUNTERS)[keyof typeof NAMED_COUNTERS];

const REASONS: readonly string[] = [...ENVELOPE_REJECTIONS, ...SYNC_REJECTIONS];
export type RejectionReason =
  (typeof ENVELOPE_REJECTIONS)[number] | (typeof SYNC_REJECTIONS)[number];

const isReason = (value: string): value is RejectionReason => REASONS.includes(value);
const isNamed = (value: string): value is keyof typeof NAMED_COUNTERS =>
  Object.hasOwn(NAMED_COUNTERS, value);

/**
 * What a diagnostics counter means, for its label in the user's language: a counter of its own,
 * envelopes refused for a known reason, values dropped in an invite room (the reason stays a
 * code), or nothing known (a newer engine's counter: only its code is shown).
 */
export type DiagnosticLabel =
  | { readonly kind: 'named'; readonly counter: NamedCounter }
  | { readonly kind: 'rejected'; readonly reason: RejectionReason }
  | { readonly kind: 'inviteDropped' }
  | { readonly kind: 'unknown' };

export function diagnosticLabel(name: string): DiagnosticLabel {
  if (isNamed(name)) return { kind: 'named', counter: NAMED_COUNTERS[name] };
  if (name.startsWith('rejected.')) {
    const reason = name.slice('rejected.'.length);
    if (isReason(reason)) return { kind: 'rejected', reason };
  }
  if (name.startsWith('invites.dropped.')) return { kind: 'inviteDropped' };
  return { kind: 'unknown' };
}
