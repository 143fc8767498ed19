import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { draftDocId } from '../../shared/cell/draftDocId.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { draftBlocks } from '../../shared/export/draftBlocks.ts';
import type { ExportDraft } from '../../shared/export/ExportDraft.ts';
import { printedHeadline } from '../../shared/export/printedHeadline.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useDocReplacements } from '../session/useDocReplacements.ts';

/**
 * The drafts of an issue in print order, each as its printed headline and content blocks, re-read whenever
 * one of their documents changes (a co-writer's edit shows in the preview at once). Ids that no
 * longer name a listed draft are left out.
 */
export function useIssueDrafts(
  session: CellSession,
  draftIds: readonly string[],
  entries: readonly DraftEntry[],
  untitled: string,
): readonly ExportDraft[] {
  // By value: the issue object (and its id array) is re-read on every change of the cell index.
  const idsKey = draftIds.join(',');
  // Taken again (and observed again) when a fork heal replaces any document.
  const replaced = useDocReplacements(session);
  const docs = useMemo(() => {
    void replaced;
    const out: { id: string; doc: Y.Doc }[] = [];
    for (const id of idsKey === '' ? [] : idsKey.split(',')) {
      const docId = draftDocId(id);
      if (docId) out.push({ id, doc: session.doc(docId) });
    }
    return out;
  }, [session, idsKey, replaced]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const changed = (): void => setVersion((v) => v + 1);
    for (const { doc } of docs) doc.on('update', changed);
    return () => {
      for (const { doc } of docs) doc.off('update', changed);
    };
  }, [docs]);
  // The printed headlines of listed drafts by id (null: not listed), compared by value like the
  // ids. Never the working title of a draft that has a printed headline.
  const titlesKey = JSON.stringify(
    docs.map(({ id }) => {
      const entry = entries.find((draft) => draft.id === id);
      return entry === undefined ? null : printedHeadline(entry, untitled);
    }),
  );
  return useMemo(() => {
    void version; // re-read on every change of a draft document
    const titles = JSON.parse(titlesKey) as (string | null)[];
    const out: ExportDraft[] = [];
    for (const [i, { doc }] of docs.entries()) {
      const title = titles[i];
      if (typeof title !== 'string') continue;
      out.push({ title, blocks: draftBlocks(draftBody(doc)) });
    }
    return out;
  }, [docs, titlesKey, version]);
}
