import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSession } from '../session/CellSession.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { useGovernanceVersion } from './useGovernanceVersion.ts';

/**
 * Shown once the roster says this device's identity was removed from the cell (or left it): the
 * cell no longer receives edits, and what is on this device is what there was. Renders nothing
 * while the membership is active or when the session has no roster. For the cell view's header
 * as well as the Members screen. With `onRemoveFromDevice`, it offers to delete this device's
 * copy of the cell (after a confirmation).
 */
export function RemovedBanner({
  session,
  onRemoveFromDevice,
}: {
  readonly session: CellSession;
  readonly onRemoveFromDevice?: (() => Promise<void>) | undefined;
}): ReactElement | null {
  useGovernanceVersion(session);
  const governance = session.governance;
  return governance?.state() === 'removed' ? (
    <RemovedNotice
      keysLost={governance.keysLost()}
      cellName={session.cellName}
      onRemoveFromDevice={onRemoveFromDevice}
    />
  ) : null;
}

/** The banner itself (for a caller that already knows the state). */
export function RemovedNotice({
  keysLost,
  cellName,
  onRemoveFromDevice,
}: {
  /** A re-key explains it: our key was re-keyed elsewhere, or two re-keys of it met. */
  readonly keysLost?: 'moved' | 'conflict' | undefined;
  readonly cellName?: string | undefined;
  readonly onRemoveFromDevice?: (() => Promise<void>) | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const heading = useId();
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<'idle' | 'removing' | 'failed'>('idle');
  const remove = (): void => {
    if (onRemoveFromDevice === undefined) return;
    setAsking(false);
    setState('removing');
    onRemoveFromDevice().catch(() => setState('failed'));
  };
  return (
    <section className="alert-banner" role="alert" aria-labelledby={heading}>
      <h2 id={heading}>{t('members.removed.heading')}</h2>
      <p>{t('members.removed.body')}</p>
      {keysLost && <p>{t(`members.removed.keys_${keysLost}`)}</p>}
      <p>{t('members.removed.keeps')}</p>
      {onRemoveFromDevice && (
        <div className="actions">
          <button
            type="button"
            className="button--danger"
            disabled={state === 'removing'}
            onClick={() => setAsking(true)}
          >
            {t('members.removed.removeFromDevice')}
          </button>
        </div>
      )}
      {state === 'removing' && <p role="status">{t('members.removed.removing')}</p>}
      {state === 'failed' && <p className="error">{t('members.removed.removeFailed')}</p>}
      {asking && (
        <ConfirmDialog
          title={t('members.removed.confirmTitle', { cell: cellName ?? '' })}
          confirmLabel={t('members.removed.removeFromDevice')}
          onConfirm={remove}
          onCancel={() => setAsking(false)}
        >
          <p>{t('members.removed.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
