import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSession } from '../session/CellSession.ts';
import { CellConnectionForm } from './CellConnectionForm.tsx';
import { CellHorizonForm } from './CellHorizonForm.tsx';
import { CellReaderCommentsForm } from './CellReaderCommentsForm.tsx';
import { diagnosticLabel } from './diagnosticLabel.ts';
import { diagnosticNote } from './diagnosticNote.ts';

/**
 * Per-cell settings: connection (rendezvous, ICE, relay-only), history horizon, whether readers
 * may comment, diagnostics.
 */
export function CellSettingsSlot({ session }: { readonly session: CellSession }): ReactElement {
  const { t } = useTranslation();
  const diagId = useId();
  const [counters, setCounters] = useState(() => session.diagnostics());
  useEffect(() => session.onStatusChange(() => setCounters(session.diagnostics())), [session]);
  const rows = Object.entries(counters).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="settings stack" data-slot="cell-settings" data-cell={session.cellIdHex}>
      <h2>{t('settings.cell.heading')}</h2>
      <p className="muted">{t('settings.cell.scope')}</p>
      {session.connection && <CellConnectionForm connection={session.connection} />}
      {session.horizon && <CellHorizonForm horizon={session.horizon} />}
      {session.readerComments && <CellReaderCommentsForm settings={session.readerComments} />}
      <section className="panel stack" aria-labelledby={diagId}>
        <h3 id={diagId}>{t('settings.cell.diagnostics.heading')}</h3>
        <p className="muted">{t('settings.cell.diagnostics.help')}</p>
        <table className="diagnostics" aria-labelledby={diagId}>
          <thead>
            <tr>
              <th scope="col">{t('settings.cell.diagnostics.counter')}</th>
              <th scope="col">{t('settings.cell.diagnostics.count')}</th>
              <th scope="col">{t('settings.cell.diagnostics.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, value]) => (
              <tr key={name} data-counter={name}>
                <td>
                  <DiagnosticName name={name} />
                </td>
                <td>{value}</td>
                <td data-note={diagnosticNote(name)}>
                  <DiagnosticMeaning name={name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** A counter in the user's language, with its code underneath (for reports to developers). */
function DiagnosticName({ name }: { readonly name: string }): ReactElement {
  const { t } = useTranslation();
  const label = diagnosticLabel(name);
  const text =
    label.kind === 'named'
      ? t(`settings.cell.diagnostics.counters.${label.counter}`)
      : label.kind === 'rejected'
        ? t('settings.cell.diagnostics.rejected', {
            reason: t(`settings.cell.diagnostics.reasons.${label.reason}`),
          })
        : label.kind === 'inviteDropped'
          ? t('settings.cell.diagnostics.inviteDropped')
          : t('settings.cell.diagnostics.unknownCounter');
  return (
    <>
      {text}
      <br />
      <code className="muted">{name}</code>
    </>
  );
}

/** Whether such a count is to be expected (diagnosticNote), in the user's language. */
function DiagnosticMeaning({ name }: { readonly name: string }): ReactElement | null {
  const { t } = useTranslation();
  const note = diagnosticNote(name);
  return note ? <>{t(`settings.cell.diagnostics.notes.${note}`)}</> : null;
}
