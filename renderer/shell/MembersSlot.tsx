import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSession } from '../session/CellSession.ts';

/**
 * SLOT for the session layer: the Members tab of a cell (roster, invites, approvals with safety
 * words, roles, removal). Replace the body; keep the export and props.
 */
export function MembersSlot({ session }: { readonly session: CellSession }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="slot" data-slot="members" data-cell={session.cellIdHex}>
      <h2>{t('shell.tabs.members')}</h2>
      <p className="muted">{t('shell.slots.members')}</p>
    </section>
  );
}
