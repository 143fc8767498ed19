import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellGovernance, CellSession } from '../session/CellSession.ts';
import { CreateInviteForm } from './CreateInviteForm.tsx';
import { InviteCode } from './InviteCode.tsx';
import { InviteList } from './InviteList.tsx';
import { isLastCoordinator } from './isLastCoordinator.ts';
import { MemberRow } from './MemberRow.tsx';
import { MembershipHistory } from './MembershipHistory.tsx';
import { MyMembership } from './MyMembership.tsx';
import { PendingRequestCard } from './PendingRequestCard.tsx';
import { RekeySelf } from './RekeySelf.tsx';
import { taskHandover } from './taskHandover.ts';
import type { Outcome } from './Report.ts';
import { useGovernanceVersion } from './useGovernanceVersion.ts';
import './members.css';

/**
 * The Members tab of a cell: who is in it (role, verified, safety words on demand), requests to
 * join, invites, and what one may do about oneself. Coordinators see the governance controls;
 * every action is checked again by each peer's roster, and the screen reports what the roster
 * made of it.
 */
export function MembersScreen({ session }: { readonly session: CellSession }): ReactElement {
  const { t } = useTranslation();
  const heading = useId();
  useGovernanceVersion(session);
  const governance = session.governance;
  return (
    <section className="members stack" aria-labelledby={heading} data-cell={session.cellIdHex}>
      <h2 id={heading}>{t('members.heading')}</h2>
      {governance ? (
        <Governed session={session} governance={governance} />
      ) : (
        <p className="muted">{t('members.noRoster')}</p>
      )}
    </section>
  );
}

function Governed({
  session,
  governance,
}: {
  readonly session: CellSession;
  readonly governance: CellGovernance;
}): ReactElement {
  const { t } = useTranslation();
  const ids = {
    pending: useId(),
    invites: useId(),
    list: useId(),
    conflicts: useId(),
    rotation: useId(),
  };
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [shownInvite, setShownInvite] = useState<string | undefined>();
  const members = session.members();
  const active = governance.state() === 'active';
  const coordinator = active && governance.myRole() === 'coordinator';
  const pending = coordinator ? governance.pending() : [];
  const conflicts = coordinator ? governance.rekeyConflicts() : [];
  const invites = coordinator ? governance.invites() : [];
  const shown = invites.find((i) => i.inviteIdHex === shownInvite && i.status === 'open');
  const roleOf = (hex: string) => session.members().find((m) => m.signPkHex === hex)?.role;
  const sorted = [...members].sort(
    (a, b) => Number(b.isMe) - Number(a.isMe) || a.pseudonym.localeCompare(b.pseudonym),
  );

  return (
    <>
      <div className="members__outcome" aria-live="polite">
        {outcome && (
          <p className={outcome.ok ? 'notice' : 'error'} role={outcome.ok ? undefined : 'alert'}>
            {outcome.text}
          </p>
        )}
      </div>
      {active && governance.rotationPending() && (
        <section
          className="stack stack--tight notice"
          role="status"
          aria-labelledby={ids.rotation}
          data-testid="rotation-pending"
        >
          <h3 id={ids.rotation}>{t('members.rotationPending.heading')}</h3>
          <p>{t('members.rotationPending.body')}</p>
        </section>
      )}
      {coordinator && conflicts.length > 0 && (
        <section className="stack stack--tight notice" aria-labelledby={ids.conflicts}>
          <h3 id={ids.conflicts}>{t('members.rekeyConflict.heading')}</h3>
          <ul className="plain-list">
            {conflicts.map((name) => (
              <li key={name}>{t('members.rekeyConflict.body', { name })}</li>
            ))}
          </ul>
        </section>
      )}
      {coordinator && (
        <section className="stack" aria-labelledby={ids.pending}>
          <h3 id={ids.pending}>{t('members.pending.sectionHeading', { n: pending.length })}</h3>
          {pending.length === 0 ? (
            <p className="muted">{t('members.pending.none')}</p>
          ) : (
            <ul className="plain-list stack">
              {pending.map((request) => (
                <PendingRequestCard
                  key={request.requestIdHex}
                  request={request}
                  myWords={session.me.safetyWords}
                  report={setOutcome}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      <section className="stack" aria-labelledby={ids.list}>
        <h3 id={ids.list}>{t('members.list.heading', { n: members.length })}</h3>
        <p className="muted">{t('members.list.help')}</p>
        <ul className="plain-list member-list">
          {sorted.map((member) => (
            <MemberRow
              key={member.signPkHex}
              member={member}
              members={members}
              governance={governance}
              canGovern={coordinator}
              roleOf={roleOf}
              report={setOutcome}
              handover={() => taskHandover(session, member)}
            />
          ))}
        </ul>
      </section>
      <MembershipHistory session={session} events={governance.events()} />
      {coordinator && (
        <section className="stack" aria-labelledby={ids.invites}>
          <h3 id={ids.invites}>{t('members.invites.heading')}</h3>
          <p className="muted">{t('members.invites.help')}</p>
          {shown && <InviteCode invite={shown} onClose={() => setShownInvite(undefined)} />}
          <CreateInviteForm
            governance={governance}
            onCreated={(code) => {
              const created = governance.invites().find((i) => i.code === code);
              setShownInvite(created?.inviteIdHex);
              setOutcome({ ok: true, text: t('members.invites.created') });
            }}
          />
          <InviteList
            invites={invites}
            governance={governance}
            onShow={setShownInvite}
            report={setOutcome}
          />
        </section>
      )}
      {active && (
        <MyMembership
          session={session}
          governance={governance}
          lastCoordinator={isLastCoordinator(session.me, members)}
          report={setOutcome}
        />
      )}
      {active && governance.myRole() !== 'relay' && (
        <RekeySelf session={session} governance={governance} report={setOutcome} />
      )}
    </>
  );
}
