import type { SyncStatusView } from '../session/CellSession.ts';

/**
 * The status line's state: "connecting" while no rendezvous is open and not every server has
 * failed yet (a first attempt still under way is not "not reachable"), "offline" once they all
 * have, then "alone" or "online" by connected peers.
 */
export function cellStatusState(
  status: Pick<SyncStatusView, 'rendezvousReachable' | 'rendezvousFailed' | 'peers'>,
): 'connecting' | 'offline' | 'alone' | 'online' {
  if (!status.rendezvousReachable) return status.rendezvousFailed ? 'offline' : 'connecting';
  return status.peers > 0 ? 'online' : 'alone';
}
