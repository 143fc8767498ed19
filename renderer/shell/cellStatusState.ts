import type { SyncStatusView } from '../session/CellSession.ts';

/**
 * The status line's state: "noRelay" while relay-only is on without a TURN server (offline, and
 * it says why), "relayFailing" while relay-only connections to members all fail (TURN down), "connecting" while no rendezvous is open and not every server has
 * failed yet (a first attempt still under way is not "not reachable"), "offline" once they all
 * have, then "alone" or "online" by connected peers.
 */
export function cellStatusState(
  status: Pick<
    SyncStatusView,
    'rendezvousReachable' | 'rendezvousFailed' | 'peers' | 'relayOnlyWithoutTurn' | 'relayFailing'
  >,
): 'connecting' | 'offline' | 'alone' | 'online' | 'noRelay' | 'relayFailing' {
  // Relay-only on, and no TURN server to relay through: it never connects directly instead.
  if (status.relayOnlyWithoutTurn) return 'noRelay';
  if (!status.rendezvousReachable) return status.rendezvousFailed ? 'offline' : 'connecting';
  // Relay-only, members there, and no connection through the TURN server works.
  if (status.relayFailing === true && status.peers === 0) return 'relayFailing';
  return status.peers > 0 ? 'online' : 'alone';
}
