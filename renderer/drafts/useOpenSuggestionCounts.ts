import { useEffect, useMemo, useState } from 'react';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { draftDocId } from '../../shared/cell/draftDocId.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { findSuggestions } from '../../shared/cell/findSuggestions.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useDocReplacements } from '../session/useDocReplacements.ts';

type Counts = ReadonlyMap<string, number>;

/**
 * Open suggestions per listed draft (findSuggestions), kept current as useOpenCommentCounts
 * keeps comments: a draft's count is re-read when its own document changes.
 */
export function useOpenSuggestionCounts(
  session: CellSession,
  drafts: readonly DraftEntry[],
): Counts {
  const idsKey = drafts.map((draft) => draft.id).join(',');
  const replaced = useDocReplacements(session);
  const docs = useMemo(
    () =>
      (void replaced, idsKey === '' ? [] : idsKey.split(',')).flatMap((id) => {
        const docId = draftDocId(id);
        return docId ? [{ id, doc: session.doc(docId), authors: session.authors(docId) }] : [];
      }),
    [session, idsKey, replaced],
  );
  const [counts, setCounts] = useState<Counts>(new Map());
  useEffect(() => {
    const count = ({ doc, authors }: (typeof docs)[number]): number =>
      findSuggestions(draftBody(doc), authors).length;
    setCounts(new Map(docs.map((draft) => [draft.id, count(draft)])));
    const stops = docs.map((draft) => {
      const changed = (): void => {
        const next = count(draft);
        setCounts((old) => (old.get(draft.id) === next ? old : new Map(old).set(draft.id, next)));
      };
      draft.doc.on('update', changed);
      return () => draft.doc.off('update', changed);
    });
    return () => {
      for (const stop of stops) stop();
    };
  }, [docs]);
  return counts;
}
