import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseRendezvousUrl } from '../../shared/invite/normaliseRendezvousUrl.ts';
import type { CellConnectionSettings, IceServerView } from '../session/CellSession.ts';
import { RendezvousTest } from './RendezvousTest.tsx';
import '../drafts/common.css';

const lines = (s: string): string[] =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** One ICE server per line: `url [username credential]`. */
function parseIce(text: string): IceServerView[] {
  return lines(text).map((line) => {
    const [url = '', username, credential] = line.split(/\s+/);
    return {
      urls: [url],
      ...(username ? { username } : {}),
      ...(credential ? { credential } : {}),
    };
  });
}

const formatIce = (servers: readonly IceServerView[]): string =>
  servers
    .map((s) => [s.urls.join(','), s.username, s.credential].filter(Boolean).join(' '))
    .join('\n');

/** Rendezvous URLs, ICE (STUN/TURN) servers and relay-only mode of one cell on this device. */
export function CellConnectionForm({
  connection,
}: {
  readonly connection: CellConnectionSettings;
}): ReactElement {
  const { t } = useTranslation();
  const ids = {
    rendezvous: useId(),
    ice: useId(),
    relay: useId(),
    policy: useId(),
    status: useId(),
  };
  const initial = connection.get();
  const [rendezvous, setRendezvous] = useState(initial.signaling.join('\n'));
  const [ice, setIce] = useState(formatIce(initial.iceServers));
  const [relayOnly, setRelayOnly] = useState(initial.relayOnly);
  const [cellPolicy, setCellPolicy] = useState(initial.cellPolicy);
  const [message, setMessage] = useState<string>('');
  const [hint, setHint] = useState<string>('');
  const [saved, setSaved] = useState(false);
  const [reconnecting, setReconnecting] = useState(false);
  const required = initial.relayOnlyRequired;

  /**
   * The typed rendezvous URLs with a left-out scheme put in (`127.0.0.1:4490` becomes
   * `ws://127.0.0.1:4490`): the field shows the correction and a hint says what changed.
   * Undefined when one of them is not a rendezvous URL even so.
   */
  const correctedUrls = (): string[] | undefined => {
    const urls: string[] = [];
    const changes: string[] = [];
    for (const line of lines(rendezvous)) {
      const result = normaliseRendezvousUrl(line);
      if (!result.ok) {
        setMessage(t('settings.cell.errors.bad_url'));
        return undefined;
      }
      if (result.value.corrected) changes.push(`${line} → ${result.value.url}`);
      urls.push(result.value.url);
    }
    if (changes.length > 0) {
      setRendezvous(urls.join('\n'));
      setHint(t('settings.cell.corrected', { changes: changes.join(', ') }));
    }
    return urls;
  };

  const save = async (): Promise<void> => {
    const signaling = correctedUrls();
    if (!signaling) return;
    const result = await connection.set({ signaling, iceServers: parseIce(ice), relayOnly });
    setSaved(result.ok);
    setMessage(result.ok ? t('settings.cell.saved') : t(`settings.cell.errors.${result.error}`));
  };

  return (
    <form
      className="panel stack"
      aria-labelledby={`${ids.rendezvous}-h`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id={`${ids.rendezvous}-h`}>{t('settings.cell.connection')}</h3>
      <div className="field">
        <label htmlFor={ids.rendezvous}>{t('settings.cell.rendezvous')}</label>
        <textarea
          id={ids.rendezvous}
          rows={3}
          value={rendezvous}
          onChange={(e) => setRendezvous(e.target.value)}
          aria-describedby={`${ids.rendezvous}-help`}
        />
        <p id={`${ids.rendezvous}-help`} className="muted">
          {t('settings.cell.rendezvousHelp')}
        </p>
        {hint !== '' ? <p className="muted">{hint}</p> : null}
        <RendezvousTest urls={correctedUrls} />
      </div>
      <div className="field">
        <label htmlFor={ids.ice}>{t('settings.cell.ice')}</label>
        <textarea
          id={ids.ice}
          rows={3}
          value={ice}
          onChange={(e) => setIce(e.target.value)}
          aria-describedby={`${ids.ice}-help`}
        />
        <p id={`${ids.ice}-help`} className="muted">
          {t('settings.cell.iceHelp')}
        </p>
      </div>
      <div className="check-field">
        <input
          id={ids.relay}
          type="checkbox"
          checked={relayOnly || required !== undefined}
          disabled={required !== undefined}
          onChange={(e) => setRelayOnly(e.target.checked)}
          aria-describedby={`${ids.relay}-help`}
        />
        <label htmlFor={ids.relay}>{t('settings.cell.relayOnly')}</label>
      </div>
      <p id={`${ids.relay}-help`} className="muted">
        {required === 'inside' && <>{t('settings.cell.relayOnlyRequiredInside')} </>}
        {required === 'cell' && <>{t('settings.cell.relayOnlyRequiredCell')} </>}
        {t('settings.cell.relayOnlyHelp')} {t('settings.cell.relayOnlyExposure')}
      </p>
      {cellPolicy && (cellPolicy.editable || cellPolicy.on) && (
        <>
          <div className="check-field">
            <input
              id={ids.policy}
              type="checkbox"
              checked={cellPolicy.on}
              disabled={!cellPolicy.editable || connection.setCellPolicy === undefined}
              onChange={(e) => {
                if (connection.setCellPolicy?.(e.target.checked) === true)
                  setCellPolicy(connection.get().cellPolicy);
              }}
              aria-describedby={`${ids.policy}-help`}
            />
            <label htmlFor={ids.policy}>{t('settings.cell.cellPolicy')}</label>
          </div>
          <p id={`${ids.policy}-help`} className="muted">
            {cellPolicy.tampered && <>{t('settings.cell.cellPolicyTampered')} </>}
            {t('settings.cell.cellPolicyHelp')}
          </p>
        </>
      )}
      <div>
        <button type="submit">{t('settings.cell.save')}</button>
      </div>
      <p id={ids.status} role="status" aria-live="polite">
        {message}
      </p>
      {saved && connection.reconnect ? (
        <div>
          <button
            type="button"
            disabled={reconnecting}
            onClick={() => {
              setReconnecting(true);
              void connection.reconnect?.().finally(() => setReconnecting(false));
            }}
          >
            {t('settings.cell.reconnect')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
