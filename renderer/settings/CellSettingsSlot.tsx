import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSession } from '../session/CellSession.ts';

/**
 * SLOT for the session layer: per-cell settings (rendezvous URLs, ICE servers, relay-only mode,
 * diagnostics counters). Replace the body; keep the export and props.
 */
export function CellSettingsSlot({ session }: { readonly session: CellSession }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="slot" data-slot="cell-settings" data-cell={session.cellIdHex}>
      <h2>{t('settings.cell.heading')}</h2>
      <p className="muted">{t('shell.slots.cellSettings')}</p>
    </section>
  );
}
