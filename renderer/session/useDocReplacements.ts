import { useCallback, useSyncExternalStore } from 'react';
import type { CellSession } from './CellSession.ts';
import { docRevisions } from './docRevisions.ts';

/**
 * How often `session` replaced any of its documents (a fork heal, PROTOCOL §5.3): a view holding
 * several documents takes them again from `session.doc` (and re-subscribes) when it moves.
 */
export function useDocReplacements(session: CellSession): number {
  const revisions = docRevisions(session);
  const subscribe = useCallback((l: () => void) => revisions.subscribe(l), [revisions]);
  const total = useCallback(() => revisions.total(), [revisions]);
  return useSyncExternalStore(subscribe, total);
}
