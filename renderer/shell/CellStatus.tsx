import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useGovernanceVersion } from '../members/useGovernanceVersion.ts';
import type { CellSession, SyncStatusView } from '../session/CellSession.ts';
import { cellStatusState } from './cellStatusState.ts';
import { formatSyncedAgo } from './formatSyncedAgo.ts';

const RELAY_ONLY = {
  device: 'shell.status.relayOnlyDevice',
  inside: 'shell.status.relayOnlyInside',
  cell: 'shell.status.relayOnlyCell',
} as const;

/**
 * The cell's connection at a glance: connecting, rendezvous reachable, peers online, relay-only and
 * why, relay reachable (only when the cell has a relay), last synced, edits not yet sent, keys
 * still awaited from other members (history horizon, PROTOCOL §11.5). Polled once a second from the
 * session; it never blocks typing. A removed member sees that instead: their device may still
 * hold connections, but nothing it shows would be true of the cell any more.
 */
export function CellStatus({ session }: { readonly session: CellSession }): ReactElement {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<SyncStatusView>(() => session.status());
  useEffect(() => session.onStatusChange(() => setStatus(session.status())), [session]);
  useGovernanceVersion(session);
  if (session.governance?.state() === 'removed') {
    return (
      <p className="cell-status cell-status--offline" role="status" data-state="removed">
        <span className="cell-status__dot" aria-hidden="true" />
        {t('shell.status.removed')}
      </p>
    );
  }
  const state = cellStatusState(status);
  const when =
    status.lastSyncedAt === undefined
      ? undefined
      : formatSyncedAgo(status.lastSyncedAt, Date.now(), i18n.language);
  return (
    <p
      className={`cell-status cell-status--${state}`}
      role="status"
      data-state={state}
      data-peers={status.peers}
      data-relay={status.relayReachable === undefined ? 'none' : String(status.relayReachable)}
    >
      <span className="cell-status__dot" aria-hidden="true" />
      {t(`shell.status.${state}`, { count: status.peers })}
      {status.relayOnly !== undefined && state !== 'noRelay' && (
        <span data-relay-only={status.relayOnly}> · {t(RELAY_ONLY[status.relayOnly])}</span>
      )}
      {status.relayReachable !== undefined && (
        <>
          {' · '}
          {t(
            status.relayReachable ? 'shell.status.relayReachable' : 'shell.status.relayUnreachable',
          )}
        </>
      )}
      {when !== undefined && <> · {t('shell.status.synced', { when })}</>}
      {status.unsynced > 0 && <> · {t('shell.status.unsynced', { count: status.unsynced })}</>}
      {(status.keysAwaited ?? 0) > 0 && (
        <span data-keys-awaited={status.keysAwaited}>
          {' · '}
          {t('shell.status.keysAwaited', { count: status.keysAwaited })}
        </span>
      )}
    </p>
  );
}
