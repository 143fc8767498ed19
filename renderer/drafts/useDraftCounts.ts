import { useEffect, useState } from 'react';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useListedDraftDocs, type ListedDraftDoc } from './useListedDraftDocs.ts';

/**
 * `count` of each listed draft, kept current: a draft's count is re-read when its own document
 * or its comments document changes. `count` must be stable (a module-level function).
 */
export function useDraftCounts(
  session: CellSession,
  drafts: readonly DraftEntry[],
  count: (draft: ListedDraftDoc) => number,
): ReadonlyMap<string, number> {
  const docs = useListedDraftDocs(session, drafts);
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => {
    setCounts(new Map(docs.map((draft) => [draft.id, count(draft)])));
    const stops = docs.map((draft) => {
      const changed = (): void => {
        const next = count(draft);
        setCounts((old) => (old.get(draft.id) === next ? old : new Map(old).set(draft.id, next)));
      };
      draft.doc.on('update', changed);
      draft.comments.doc.on('update', changed);
      return () => {
        draft.doc.off('update', changed);
        draft.comments.doc.off('update', changed);
      };
    });
    return () => {
      for (const stop of stops) stop();
    };
  }, [docs, count]);
  return counts;
}
