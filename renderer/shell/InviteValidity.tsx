import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInviteValidity } from './formatInviteValidity.ts';
import { useCountdown } from './useCountdown.ts';

/**
 * "Valid until 8 December 2026 at 16:31 (about 5 hours left)" under the join form's code field,
 * while the person types and while they wait for approval; once this device's clock is past the
 * expiry, "seems to have expired" (the coordinator's clock decides). role="timer" is not a live
 * region: a screen reader reads it when the person reaches it, never on each tick; the form's
 * status region announces what happens to the request.
 */
export function InviteValidity({
  id,
  expiresAt,
}: {
  readonly id: string;
  readonly expiresAt: number;
}): ReactElement {
  const { t, i18n } = useTranslation();
  useCountdown(expiresAt); // re-renders as time passes; the text changes at most once a minute
  const v = formatInviteValidity(expiresAt, Date.now(), i18n.language);
  return (
    <p
      id={id}
      role="timer"
      className={v.status === 'valid' ? 'muted field__help' : 'error field__help'}
      data-testid="invite-validity"
      data-validity={v.status}
    >
      {v.status === 'valid'
        ? t('shell.join.validity.until', { date: v.date, left: v.left })
        : t('shell.join.validity.expired', { date: v.date })}
    </p>
  );
}
