import { useEffect, useState } from 'react';
import type { CellSession } from '../session/CellSession.ts';

/** Invites turn from open to expired with time alone: look again this often while shown. */
const CLOCK_TICK_MS = 30_000;

/**
 * A number that changes whenever the roster, the invites or the pending requests of `session`
 * change (or the clock ticks), so the screen re-reads them: the session is the one source of
 * truth and nothing is copied into React state.
 */
export function useGovernanceVersion(session: CellSession): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = (): void => setVersion((v) => v + 1);
    const offMembers = session.onMembersChange(bump);
    const offGovernance = session.governance?.onChange(bump);
    const timer = setInterval(bump, CLOCK_TICK_MS);
    return () => {
      offMembers();
      offGovernance?.();
      clearInterval(timer);
    };
  }, [session]);
  return version;
}
