import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { CellSession, MemberView } from '../session/CellSession.ts';

/** The cell's members, re-read when the roster changes (cached so React sees a stable value). */
export function useMembers(session: CellSession): readonly MemberView[] {
  const cache = useRef<readonly MemberView[] | null>(null);
  const subscribe = useCallback(
    (onChange: () => void) =>
      session.onMembersChange(() => {
        cache.current = null;
        onChange();
      }),
    [session],
  );
  const getSnapshot = useCallback((): readonly MemberView[] => {
    cache.current ??= session.members();
    return cache.current;
  }, [session]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
