import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { probeRendezvous, type RendezvousProbe } from './probeRendezvous.ts';

/**
 * "Test connection": opens a WebSocket to each rendezvous URL now in the field (not only the
 * saved ones) and says, per URL, whether it answered or why not.
 */
export function RendezvousTest({
  urls,
}: {
  /** The field's URLs, corrected (the field shows it); undefined if one is invalid. */
  readonly urls: () => readonly string[] | undefined;
}): ReactElement {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<readonly (readonly [string, RendezvousProbe])[]>([]);
  const describe = (probe: RendezvousProbe): string =>
    probe.ok
      ? t('settings.cell.test.reachable', { ms: probe.ms })
      : probe.error === 'timeout'
        ? t('settings.cell.test.timeout')
        : t('settings.cell.test.closed', { code: probe.code ?? '-' });
  return (
    <div className="stack">
      <div>
        <button
          type="button"
          className="button--quiet"
          disabled={busy}
          aria-busy={busy}
          onClick={() => {
            const list = urls();
            if (!list || list.length === 0) return;
            setBusy(true);
            setResults([]);
            void Promise.all(list.map(async (url) => [url, await probeRendezvous(url)] as const))
              .then(setResults)
              .finally(() => setBusy(false));
          }}
        >
          {busy ? t('settings.cell.test.testing') : t('settings.cell.test.button')}
        </button>
      </div>
      <ul role="status" aria-live="polite" className="rendezvous-test">
        {results.map(([url, probe]) => (
          <li key={url} data-reachable={probe.ok ? 'yes' : 'no'}>
            <code>{url}</code>: {describe(probe)}
          </li>
        ))}
      </ul>
    </div>
  );
}
