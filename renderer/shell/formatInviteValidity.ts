import { inviteTimeLeft } from '../../shared/invite/inviteTimeLeft.ts';

/**
 * What the join form says about a code's expiry, in the interface language: the date and time
 * (this device's time zone) and, while valid, about how long is left ("5 hours", "5 часов").
 * Pure: the caller passes the clock.
 */
export type InviteValidityText =
  | { readonly status: 'valid'; readonly date: string; readonly left: string }
  | { readonly status: 'expired'; readonly date: string };

export function formatInviteValidity(
  expiresAt: number,
  now: number,
  language: string,
): InviteValidityText {
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(
    expiresAt,
  );
  const left = inviteTimeLeft(expiresAt, now);
  if (left.status === 'expired') return { status: 'expired', date };
  const amount = new Intl.NumberFormat(language, {
    style: 'unit',
    unit: left.unit,
    unitDisplay: 'long',
  }).format(left.count);
  return { status: 'valid', date, left: amount };
}
