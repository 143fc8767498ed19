import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterEvent } from '../../shared/roster/Roster.ts';
import { memberName } from '../drafts/memberName.ts';
import type { CellSession } from '../session/CellSession.ts';

/** The log shows this many newest entries; older ones are counted, not listed. */
export const LOG_SHOWN = 50;

/**
 * Removal leaves a trace (issue #19 item 11): who is no longer in the cell, and a short log of
 * who created it, admitted, removed, changed roles and left. Every entry is a roster op that
 * counted on this device, so its author is the key that signed it; only admits carry a time
 * (the admitting coordinator's clock), the others are in the order the roster applies them.
 */
export function MembershipHistory({
  session,
  events,
}: {
  readonly session: CellSession;
  readonly events: readonly RosterEvent[];
}): ReactElement {
  const { t, i18n } = useTranslation();
  const ids = { former: useId(), log: useId() };
  const former = session.formerMembers();
  const members = session.members();
  // Plain pseudonyms: the log itself says who was removed or left.
  const words = {
    you: session.me.pseudonym,
    unknown: t('members.log.unknown'),
    former: (n: string) => n,
  };
  const nameOf = (hex: string): string => memberName(members, hex, words, former);
  const shown = events.slice(-LOG_SHOWN).reverse();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  // A coordinator's clock may say anything up to 2^53 ms; past Date's range it is not a time.
  const formatWhen = (at: number): string => {
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? t('members.log.noTime') : time.format(date);
  };
  const line = (e: RosterEvent): string => {
    const by = nameOf(e.authorHex);
    switch (e.type) {
      case 'created':
        return t('members.log.created', { by });
      case 'admitted':
        return t('members.log.admitted', {
          by,
          name: nameOf(e.subjectHex),
          role: t(`members.roles.${e.role}`),
          when: formatWhen(e.at),
        });
      case 'removed':
        return t('members.log.removed', { by, name: nameOf(e.subjectHex) });
      case 'left':
        return t('members.log.left', { name: by });
      case 'role':
        return t('members.log.role', {
          by,
          name: nameOf(e.subjectHex),
          role: t(`members.roles.${e.role}`),
        });
    }
  };
  return (
    <>
      <section className="stack" aria-labelledby={ids.former} data-testid="former-members">
        <h3 id={ids.former}>{t('members.former.heading', { n: former.length })}</h3>
        {former.length === 0 ? (
          <p className="muted">{t('members.former.none')}</p>
        ) : (
          <ul className="plain-list member-list">
            {former.map((m) => (
              <li key={m.signPkHex} className="former-member">
                <div className="member__head">
                  <span className="swatch" style={{ background: m.colour }} aria-hidden="true" />
                  <span className="member__name">{m.pseudonym}</span>
                  <span className="member__role">{t(`members.former.${m.kind}`)}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stack" aria-labelledby={ids.log} data-testid="membership-log">
        <h3 id={ids.log}>{t('members.log.heading')}</h3>
        <p className="muted">{t('members.log.help')}</p>
        <ol className="plain-list stack stack--tight" reversed>
          {shown.map((e) => (
            <li key={e.opId}>{line(e)}</li>
          ))}
        </ol>
        {events.length > shown.length && (
          <p className="muted small">
            {t('members.log.older', { n: events.length - shown.length })}
          </p>
        )}
      </section>
    </>
  );
}
