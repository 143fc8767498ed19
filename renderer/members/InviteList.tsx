import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellGovernance, InviteView } from '../session/CellSession.ts';
import type { Report } from './Report.ts';

/**
 * The invites this device created, newest first: role, status, expiry and the private note; an
 * open one can show its code again or be revoked. The status is re-read after a revocation: only
 * the roster says whether it counted.
 */
export function InviteList({
  invites,
  governance,
  onShow,
  report,
}: {
  readonly invites: readonly InviteView[];
  readonly governance: CellGovernance;
  readonly onShow: (inviteIdHex: string) => void;
  readonly report: Report;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | undefined>();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  if (invites.length === 0) return <p className="muted">{t('members.invites.none')}</p>;
  const sorted = [...invites].sort((a, b) => b.expiresAt - a.expiresAt);

  const revoke = async (invite: InviteView, label: string): Promise<void> => {
    setBusy(invite.inviteIdHex);
    const sent = await governance.revokeInvite(invite.inviteIdHex).catch(() => false);
    setBusy(undefined);
    const now = governance.invites().find((i) => i.inviteIdHex === invite.inviteIdHex);
    const done = sent && now?.status === 'revoked';
    report({
      ok: done,
      text: t(done ? 'members.invites.revoked' : 'members.invites.revokeFailed', { invite: label }),
    });
  };

  return (
    <ul className="invite-list">
      {sorted.map((invite) => {
        const label = invite.note === '' ? t(`members.roles.${invite.role}`) : invite.note;
        const open = invite.status === 'open';
        return (
          <li key={invite.inviteIdHex} className="invite-list__item" data-status={invite.status}>
            <div className="invite-list__text">
              <span className="invite-list__what">
                {t('members.invites.itemRole', { role: t(`members.roles.${invite.role}`) })}
                {invite.note !== '' && <span className="invite-list__note"> · {invite.note}</span>}
              </span>
              <span className={`invite-list__status invite-list__status--${invite.status}`}>
                {t(`members.invites.status.${invite.status}`)}
              </span>
              <span className="muted invite-list__when">
                {t('members.invites.validUntil', { when: when.format(invite.expiresAt) })}
              </span>
            </div>
            {open && (
              <div className="actions actions--start">
                <button
                  type="button"
                  className="button--quiet"
                  onClick={() => onShow(invite.inviteIdHex)}
                >
                  {t('members.invites.show', { invite: label })}
                </button>
                <button
                  type="button"
                  className="button--quiet"
                  disabled={busy === invite.inviteIdHex}
                  onClick={() => void revoke(invite, label)}
                >
                  {t('members.invites.revoke', { invite: label })}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
