import type { CellSession } from './CellSession.ts';

/**
 * Join requests waiting for this device's answer: only a coordinator of an active cell is asked,
 * so only they see a count (the Members tab's badge).
 */
export function waitingRequests(session: CellSession): number {
  const governance = session.governance;
  if (!governance || governance.state() !== 'active') return 0;
  if (governance.myRole() !== 'coordinator') return 0;
  return governance.pending().length;
}
