import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PSEUDONYM_MAX_CHARS, validatePseudonym } from '../../shared/identity/validatePseudonym.ts';
import type { CellGovernance, CellSession } from '../session/CellSession.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { Report } from './Report.ts';

/**
 * What anyone on the roster may do about themselves: change their pseudonym in this cell, or
 * leave it. The only coordinator cannot leave (the roster would refuse): the screen says what to
 * do first instead of offering a button that fails.
 */
export function MyMembership({
  session,
  governance,
  lastCoordinator,
  report,
}: {
  readonly session: CellSession;
  readonly governance: CellGovernance;
  readonly lastCoordinator: boolean;
  readonly report: Report;
}): ReactElement {
  const { t } = useTranslation();
  const ids = { heading: useId(), name: useId(), problem: useId() };
  const [name, setName] = useState('');
  const [problem, setProblem] = useState(false);
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);

  const rename = async (): Promise<void> => {
    const valid = validatePseudonym(name);
    if (!valid.ok) return setProblem(true);
    setProblem(false);
    setBusy(true);
    const sent = await governance.rename(valid.value).catch(() => false);
    setBusy(false);
    const done = sent && session.me.pseudonym === valid.value;
    if (done) setName('');
    report({
      ok: done,
      text: done ? t('members.me.renamed', { name: valid.value }) : t('members.me.renameFailed'),
    });
  };

  const leave = async (): Promise<void> => {
    setLeaving(false);
    setBusy(true);
    const sent = await governance.leave().catch(() => false);
    setBusy(false);
    const done = sent && governance.state() === 'removed';
    report({ ok: done, text: t(done ? 'members.me.left' : 'members.me.leaveFailed') });
  };

  return (
    <section className="stack" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('members.me.heading')}</h3>
      <form
        className="stack stack--tight"
        autoComplete="off"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void rename();
        }}
      >
        <label htmlFor={ids.name} className="members__label">
          {t('members.me.renameLabel', { name: session.me.pseudonym })}
        </label>
        <div className="field__row">
          <input
            id={ids.name}
            type="text"
            value={name}
            maxLength={PSEUDONYM_MAX_CHARS * 2}
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? ids.problem : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button--secondary" disabled={busy}>
            {t('members.me.rename')}
          </button>
        </div>
        <p className="muted field__help">{t('members.me.renameHelp')}</p>
        {problem && (
          <p id={ids.problem} className="error" role="alert">
            {t('members.me.badName')}
          </p>
        )}
      </form>
      {lastCoordinator ? (
        <p className="muted">{t('members.me.cannotLeave')}</p>
      ) : (
        <div className="actions actions--start">
          <button
            type="button"
            className="button--quiet"
            disabled={busy}
            onClick={() => setLeaving(true)}
          >
            {t('members.me.leave')}
          </button>
        </div>
      )}
      {leaving && (
        <ConfirmDialog
          title={t('members.me.leaveTitle', { cell: session.cellName })}
          confirmLabel={t('members.me.leaveConfirm')}
          onConfirm={() => void leave()}
          onCancel={() => setLeaving(false)}
        >
          <p>{t('members.me.leaveBody')}</p>
          <p>{t('members.me.leaveKeeps')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
