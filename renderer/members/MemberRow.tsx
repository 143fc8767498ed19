import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellGovernance, MemberView, Role } from '../session/CellSession.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { Report } from './Report.ts';
import { HandoverChoice } from './HandoverChoice.tsx';
import { roleChoices } from './roleChoices.ts';
import type { TaskHandover } from './taskHandover.ts';

const none = { reassigned: 0, leftUnassigned: 0 };
import { SafetyWords } from './SafetyWords.tsx';

/**
 * One member: pseudonym, role, whether this device compared safety words with them; the words on
 * demand; for coordinators, the role and removal (with a confirmation that says what a removed
 * member keeps). After each action the roster is read again: an op the roster refused must not
 * be reported as done.
 */
export function MemberRow({
  member,
  members,
  governance,
  canGovern,
  roleOf,
  report,
  handover,
}: {
  readonly member: MemberView;
  readonly members: readonly MemberView[];
  readonly governance: CellGovernance;
  readonly canGovern: boolean;
  /** The member's role in the roster now, undefined once they are no longer in it. */
  readonly roleOf: (signPkHex: string) => Role | undefined;
  readonly report: Report;
  /** Their open tasks, to hand over in the removal dialog; absent where there is no board. */
  readonly handover?: () => TaskHandover;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { words: useId(), role: useId() };
  const name = member.pseudonym;
  const [showWords, setShowWords] = useState(false);
  // Undefined until a coordinator picks one: the select follows the roster otherwise.
  const [picked, setPicked] = useState<Role | undefined>();
  const role = picked ?? member.role;
  const [confirming, setConfirming] = useState<TaskHandover | undefined>();
  const [handTo, setHandTo] = useState('');
  const [busy, setBusy] = useState(false);
  const choices = roleChoices(member, members);
  const governable = canGovern && !member.isMe;

  const changeRole = async (): Promise<void> => {
    setBusy(true);
    const sent = await governance.setRole(member.signPkHex, role).catch(() => false);
    setBusy(false);
    setPicked(undefined);
    const done = sent && roleOf(member.signPkHex) === role;
    report({
      ok: done,
      text: done
        ? t('members.role.changed', { name, role: t(`members.roles.${role}`) })
        : t('members.role.failed', { name }),
    });
  };

  const remove = async (): Promise<void> => {
    const tasks = confirming;
    setConfirming(undefined);
    setBusy(true);
    const sent = await governance.remove(member.signPkHex).catch(() => false);
    setBusy(false);
    const done = sent && roleOf(member.signPkHex) === undefined;
    // Their tasks move only once the removal counted: a refused removal changes nothing.
    const moved =
      done && tasks && tasks.open > 0 && handTo !== '' ? tasks.reassign(handTo) : undefined;
    const handed = moved
      ? ' ' +
        t('members.remove.handedOver', {
          n: moved.reassigned,
          to: tasks?.targets.find((m) => m.signPkHex === handTo)?.pseudonym ?? '',
        }) +
        (moved.leftUnassigned > 0
          ? ' ' + t('members.remove.exposingLeft', { n: moved.leftUnassigned })
          : '')
      : '';
    report({
      ok: done,
      text: done
        ? t('members.remove.done', { name }) + handed
        : t('members.remove.failed', { name }),
    });
  };

  return (
    <li className="member" data-member={name}>
      <div className="member__head">
        <span className="swatch" style={{ background: member.colour }} aria-hidden="true" />
        <span className="member__name">{member.isMe ? t('members.list.me', { name }) : name}</span>
        <span className="member__role">{t(`members.roles.${member.role}`)}</span>
        {!member.isMe && (
          <span className={`member__verified member__verified--${member.verified ? 'yes' : 'no'}`}>
            {t(member.verified ? 'members.list.verified' : 'members.list.notVerified')}
          </span>
        )}
      </div>
      {!member.isMe && !member.verified && (member.formerKeys?.length ?? 0) > 0 && (
        <p className="muted">{t('members.list.newKeys', { name })}</p>
      )}
      <div className="actions actions--start">
        <button
          type="button"
          className="button--quiet"
          aria-expanded={showWords}
          aria-controls={ids.words}
          onClick={() => setShowWords((s) => !s)}
        >
          {member.isMe
            ? t(showWords ? 'members.words.hideMine' : 'members.words.showMine')
            : t(showWords ? 'members.words.hide' : 'members.words.show', { name })}
        </button>
        {governable && (
          <button
            type="button"
            className="button--quiet member__remove"
            disabled={busy}
            onClick={() => {
              setHandTo('');
              setConfirming(handover?.() ?? { open: 0, targets: [], reassign: () => none });
            }}
          >
            {t('members.remove.button', { name })}
          </button>
        )}
      </div>
      <div id={ids.words} hidden={!showWords} className="member__words stack stack--tight">
        {showWords && (
          <>
            <p>
              {member.isMe ? t('members.words.mineHelp') : t('members.words.compareHelp', { name })}
            </p>
            <SafetyWords
              words={member.safetyWords}
              label={
                member.isMe ? t('members.words.mineLabel') : t('members.words.label', { name })
              }
            />
            {!member.isMe && (
              <div className="actions actions--start">
                <button
                  type="button"
                  className="button--secondary"
                  onClick={() =>
                    void governance.setVerified(member.signPkHex, !member.verified).then(
                      () =>
                        report({
                          ok: true,
                          text: t(
                            member.verified ? 'members.verify.unmarked' : 'members.verify.marked',
                            { name },
                          ),
                        }),
                      () => report({ ok: false, text: t('members.verify.failed', { name }) }),
                    )
                  }
                >
                  {t(member.verified ? 'members.verify.unmark' : 'members.verify.mark', { name })}
                </button>
              </div>
            )}
          </>
        )}
      </div>
      {governable && choices.length > 1 && (
        <div className="field__row member__role-change">
          <label htmlFor={ids.role} className="member__role-label">
            {t('members.role.label', { name })}
          </label>
          <select
            id={ids.role}
            value={role}
            disabled={busy}
            onChange={(event) => setPicked(choices.find((r) => r === event.target.value))}
          >
            {choices.map((r) => (
              <option key={r} value={r}>
                {t(`members.roles.${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button--secondary"
            disabled={busy || role === member.role}
            aria-label={t('members.role.applyNamed', { name })}
            onClick={() => void changeRole()}
          >
            {t('members.role.apply')}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('members.remove.title', { name })}
          confirmLabel={t('members.remove.confirm', { name })}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(undefined)}
        >
          <p>{t('members.remove.keeps', { name })}</p>
          <p>{t('members.remove.loses', { name })}</p>
          <p>{t('members.remove.after', { name })}</p>
          {confirming.open > 0 && (
            <HandoverChoice name={name} handover={confirming} value={handTo} onChange={setHandTo} />
          )}
        </ConfirmDialog>
      )}
    </li>
  );
}
