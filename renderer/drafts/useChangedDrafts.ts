import { useEffect, useState } from 'react';
import { draftBody } from '../../shared/cell/draftBody.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { changesSince, hasChanges } from '../../shared/seen/changesSince.ts';
import type { CellSession } from '../session/CellSession.ts';
import { seenDraftsOf } from './SeenDrafts.ts';
import { useListedDraftDocs } from './useListedDraftDocs.ts';

/** Whether an author key is this member's (her current key or one she re-keyed away from). */
export function isMineIn(session: CellSession): (author: string | undefined) => boolean {
  const mine = new Set([session.me.signPkHex, ...(session.me.formerKeys ?? [])]);
  return (author) => author !== undefined && mine.has(author);
}

/**
 * The listed drafts that others changed since this member last looked (a draft she never opened
 * has no "last seen" yet and is not flagged). Re-read when a draft's document or its stored state
 * changes; the sync engine holds every draft already, so this opens nothing new.
 */
export function useChangedDrafts(
  session: CellSession,
  drafts: readonly DraftEntry[],
): ReadonlySet<string> {
  const seen = seenDraftsOf(session.seen);
  const docs = useListedDraftDocs(session, drafts);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!seen) return undefined;
    const mine = isMineIn(session);
    const check = ({ id, doc, authors }: (typeof docs)[number]): boolean => {
      const state = seen.get(id);
      return state ? hasChanges(changesSince(draftBody(doc), state, authors, mine)) : false;
    };
    const update = (draft: (typeof docs)[number]): void => {
      const is = check(draft);
      setChanged((old) => {
        if (old.has(draft.id) === is) return old;
        const next = new Set(old);
        if (is) next.add(draft.id);
        else next.delete(draft.id);
        return next;
      });
    };
    setChanged(new Set(docs.filter(check).map((draft) => draft.id)));
    const stops = docs.map((draft) => {
      const changedDoc = (): void => update(draft);
      draft.doc.on('update', changedDoc);
      return () => draft.doc.off('update', changedDoc);
    });
    const offSeen = seen.onChange(() => setChanged(new Set(docs.filter(check).map((d) => d.id))));
    return () => {
      for (const stop of stops) stop();
      offSeen();
    };
  }, [docs, seen, session]);
  return changed;
}
