import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellGovernance, CellSession } from '../session/CellSession.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import type { Report } from './Report.ts';

/**
 * "My device was out of my hands": a member whose computer was taken, searched or copied gives
 * themselves new keys in this cell. The screen says what that heals (nothing written after the
 * cell's next key change reaches the copy; what the old keys sign is refused) and what it cannot
 * undo (everything that was on the device), and that the others must compare safety words again.
 */
export function RekeySelf({
  session,
  governance,
  report,
}: {
  readonly session: CellSession;
  readonly governance: CellGovernance;
  readonly report: Report;
}): ReactElement {
  const { t } = useTranslation();
  const heading = useId();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const coordinator = governance.myRole() === 'coordinator';

  const rekey = async (): Promise<void> => {
    setAsking(false);
    setBusy(true);
    const done = await governance.rekey().catch(() => false);
    setBusy(false);
    report({ ok: done, text: t(done ? 'members.rekey.done' : 'members.rekey.failed') });
  };

  return (
    <section className="stack stack--tight" aria-labelledby={heading}>
      <h3 id={heading}>{t('members.rekey.heading')}</h3>
      <p className="muted">{t('members.rekey.intro')}</p>
      <div className="actions actions--start">
        <button
          type="button"
          className="button--secondary"
          disabled={busy}
          aria-busy={busy || undefined}
          onClick={() => setAsking(true)}
        >
          {t('members.rekey.button')}
        </button>
      </div>
      {asking && (
        <ConfirmDialog
          title={t('members.rekey.title', { cell: session.cellName })}
          confirmLabel={t('members.rekey.confirm')}
          onConfirm={() => void rekey()}
          onCancel={() => setAsking(false)}
        >
          <p>{t('members.rekey.does')}</p>
          <p>{t(coordinator ? 'members.rekey.rotateNow' : 'members.rekey.rotateLater')}</p>
          <p>{t('members.rekey.cannot')}</p>
          <p>{t('members.rekey.words')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
