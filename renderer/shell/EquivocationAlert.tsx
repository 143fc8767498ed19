import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellSession } from '../session/CellSession.ts';

type Equivocator = ReturnType<CellSession['equivocators']>[number];

/**
 * Names every member proven to have signed two different versions of one edit (issue 14 item 1):
 * members may be looking at different text, their further edits there are held (quarantine), and
 * only a coordinator can act: remove them (Members screen) or let their edits in again (here). On
 * every cell screen, above the tabs; dismissible for this session, shown again on the next start
 * while the proof stands. Polled with the status line.
 */
export function EquivocationAlert({
  session,
}: {
  readonly session: CellSession;
}): ReactElement | null {
  const { t } = useTranslation();
  const heading = useId();
  const [who, setWho] = useState<readonly Equivocator[]>(() => session.equivocators());
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [released, setReleased] = useState(false);
  const coordinator = session.governance?.myRole() === 'coordinator';
  useEffect(() => session.onStatusChange(() => setWho(session.equivocators())), [session]);
  const shown = who.filter((e) => !dismissed.has(e.signPkHex));
  if (shown.length === 0) return null;
  const names = shown.map(
    (e) => e.pseudonym ?? t('shell.equivocation.former', { key: e.signPkHex.slice(0, 8) }),
  );
  return (
    <section className="alert-banner equivocation-alert" role="alert" aria-labelledby={heading}>
      <h2 id={heading}>{t('shell.equivocation.heading')}</h2>
      <p>{t('shell.equivocation.body', { names: names.join(', ') })}</p>
      <p>{t('shell.equivocation.held')}</p>
      {released && <p role="status">{t('shell.equivocation.released')}</p>}
      {coordinator && (
        <button
          type="button"
          onClick={() => {
            for (const e of shown) session.governance?.releaseEquivocator(e.signPkHex);
            setReleased(true);
          }}
        >
          {t('shell.equivocation.release')}
        </button>
      )}
      <button
        type="button"
        onClick={() => setDismissed(new Set([...dismissed, ...shown.map((e) => e.signPkHex)]))}
      >
        {t('shell.equivocation.dismiss')}
      </button>
    </section>
  );
}
