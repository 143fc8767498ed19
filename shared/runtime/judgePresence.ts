import type { OpenedPresence } from '../envelope/openPresence.ts';

/**
 * How far a blob's time may be from the receiver's clock, either way (PROTOCOL §6): a blob
 * captured earlier than this cannot be replayed, and members whose clocks differ by more than
 * this do not see each other's presence.
 */
export const PRESENCE_FRESH_MS = 120_000;

/** Why a verified-looking presence blob is still not shown. */
export type PresenceVerdictReason = 'wrong_client' | 'wrong_author' | 'stale' | 'replayed';

/** The newest blob accepted from one author. */
export interface PresenceNewest {
  readonly clientId: number;
  readonly time: number;
  readonly seq: number;
}

/**
 * The receiver's rules after openPresence and the roster check (PROTOCOL §6): the blob names the
 * awareness client that carried it; that client is bound to the author of the first blob
 * accepted from it; its time is within PRESENCE_FRESH_MS of ours; and it is newer than the last
 * one accepted from its author (a higher seq in the same session, a later time in another).
 */
export function judgePresence(
  opened: Pick<OpenedPresence, 'clientId' | 'time' | 'seq'>,
  authorHex: string,
  carrier: { readonly clientId: number; readonly boundTo: string | undefined },
  newest: PresenceNewest | undefined,
  now: number,
): PresenceVerdictReason | undefined {
  if (opened.clientId !== carrier.clientId) return 'wrong_client';
  if (carrier.boundTo !== undefined && carrier.boundTo !== authorHex) return 'wrong_author';
  if (Math.abs(opened.time - now) > PRESENCE_FRESH_MS) return 'stale';
  if (newest === undefined) return undefined;
  if (opened.clientId === newest.clientId) return opened.seq > newest.seq ? undefined : 'replayed';
  return opened.time > newest.time ? undefined : 'replayed';
}
