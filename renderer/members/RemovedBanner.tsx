import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSession } from '../session/CellSession.ts';
import { useGovernanceVersion } from './useGovernanceVersion.ts';

/**
 * Shown once the roster says this device's identity was removed from the cell (or left it): the
 * cell no longer receives edits, and what is on this device is what there was. Renders nothing
 * while the membership is active or when the session has no roster. For the cell view's header
 * as well as the Members screen.
 */
export function RemovedBanner({ session }: { readonly session: CellSession }): ReactElement | null {
  useGovernanceVersion(session);
  const governance = session.governance;
  return governance?.state() === 'removed' ? (
    <RemovedNotice keysLost={governance.keysLost()} />
  ) : null;
}

/** The banner itself (for a caller that already knows the state). */
export function RemovedNotice({
  keysLost,
}: {
  /** A re-key explains it: our key was re-keyed elsewhere, or two re-keys of it met. */
  readonly keysLost?: 'moved' | 'conflict' | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const heading = useId();
  return (
    <section className="removed-banner" role="alert" aria-labelledby={heading}>
      <h2 id={heading}>{t('members.removed.heading')}</h2>
      <p>{t('members.removed.body')}</p>
      {keysLost && <p>{t(`members.removed.keys_${keysLost}`)}</p>}
      <p>{t('members.removed.keeps')}</p>
    </section>
  );
}
