const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * How long an invite code says it stays valid, as the joiner is told it: roughly, in one unit.
 * `expired` once `now` is past the code's expiry. The code's expiry is the roster's expiresAt
 * rounded up to a minute, and the coordinator's clock decides (docs/PROTOCOL.md §10.2), so this
 * is what the joiner's own clock says, no more.
 */
export type InviteTimeLeft =
  | { readonly status: 'expired' }
  | {
      readonly status: 'valid';
      readonly unit: 'minute' | 'hour' | 'day';
      /** At least 1. */
      readonly count: number;
    };

/**
 * Under an hour: whole minutes, rounded up (never "0 minutes" while valid); under two days: hours,
 * rounded; else days, rounded. The coordinator refuses a request once its clock is past
 * expiresAt, so the code is expired here once `now` > `expiresAt` (the same comparison).
 */
export function inviteTimeLeft(expiresAt: number, now: number): InviteTimeLeft {
  const left = expiresAt - now;
  if (!(left >= 0)) return { status: 'expired' };
  if (left < HOUR_MS)
    return { status: 'valid', unit: 'minute', count: Math.max(1, Math.ceil(left / MINUTE_MS)) };
  if (left < 2 * DAY_MS)
    return { status: 'valid', unit: 'hour', count: Math.round(left / HOUR_MS) };
  return { status: 'valid', unit: 'day', count: Math.round(left / DAY_MS) };
}
