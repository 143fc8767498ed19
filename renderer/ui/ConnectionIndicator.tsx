import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../sync/useDraftSync.ts';

/** Whether the rendezvous server is reachable and how many peers are connected, as a live status. */
export function ConnectionIndicator({ status }: { readonly status: SyncStatus }): ReactElement {
  const { t } = useTranslation();
  const state =
    status.kind === 'off' ? 'off' : status.signalingConnected ? 'reachable' : 'unreachable';
  return (
    <div
      role="status"
      aria-label={t('connection.label')}
      className={`connection connection--${state}`}
      data-state={state}
      data-peers={status.kind === 'on' ? status.peers : 0}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">
        {status.kind === 'off'
          ? t(`connection.off.${status.reason}`)
          : t(status.signalingConnected ? 'connection.reachable' : 'connection.unreachable')}
      </span>
      {status.kind === 'on' && (
        <span className="connection__peers">{t('connection.peers', { peers: status.peers })}</span>
      )}
    </div>
  );
}
