import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { changesSince, type Changes } from '../../shared/seen/changesSince.ts';
import { ownEditsOf } from '../../shared/seen/SeenState.ts';
import { changeMarksKey, changeMarksPlugin, showChanges } from '../editor/changeMarks.ts';
import type { CellSession } from '../session/CellSession.ts';
import { seenDraftsOf } from './SeenDrafts.ts';
import { isMineIn } from './useChangedDrafts.ts';
import { useYValue } from './useYValue.ts';

export interface ChangeMarks {
  /** What others changed since she last looked; undefined while her state loads (or no vault). */
  readonly changes: Changes | undefined;
  readonly markSeen: () => void;
}

/**
 * "Changed since you last looked" for the open draft: loads her last-seen state (the first open
 * of a draft makes it now), folds her own local edits into it as she makes them, marks the
 * changes in `editor`, and answers what changed for the panel.
 */
export function useChangeMarks(
  session: CellSession,
  draftId: string,
  draftDoc: Y.Doc,
  authors: ClientAuthors,
  editor: Editor | null,
  nameOf: (author: string | undefined) => string,
  deletedLabel: (characters: number | undefined) => string,
): ChangeMarks {
  const seen = seenDraftsOf(session.seen);
  const subscribe = useCallback(
    (onChange: () => void) => seen?.onChange(onChange) ?? (() => undefined),
    [seen],
  );
  const state = useSyncExternalStore(subscribe, () => seen?.peek(draftId));
  useEffect(() => void seen?.get(draftId), [seen, draftId]);
  const body = draftBody(draftDoc);
  const mine = useMemo(() => isMineIn(session), [session]);

  // The first open of a draft: what is there now is what she has seen.
  useEffect(() => {
    if (seen && state === null) void seen.markSeen(draftId, draftDoc, body);
  }, [seen, state, draftId, draftDoc, body]);

  // Her own edits are never "changed": their deletions and formatting count as seen at once.
  useEffect(() => {
    if (!seen) return undefined;
    const local = (tr: Y.Transaction): void => {
      if (tr.local) seen.noteOwn(draftId, ownEditsOf(tr));
    };
    draftDoc.on('afterTransaction', local);
    return () => {
      draftDoc.off('afterTransaction', local);
      seen.flush(draftId);
    };
  }, [seen, draftId, draftDoc]);

  const [registered, setRegistered] = useState<Editor | null>(null);
  useEffect(() => {
    if (!editor || editor.isDestroyed || !seen) return undefined;
    editor.registerPlugin(changeMarksPlugin(draftDoc, authors, mine, () => seen.peek(draftId)));
    setRegistered(editor);
    return () => {
      setRegistered(null);
      if (!editor.isDestroyed) editor.unregisterPlugin(changeMarksKey);
    };
  }, [editor, seen, draftId, draftDoc, authors, mine]);

  useEffect(() => {
    if (!registered) return;
    // Again whenever the state is replaced (loaded, marked seen): the plugin reads it afresh.
    showChanges(registered, state ? { nameOf, deletedLabel } : null);
  }, [registered, state, nameOf, deletedLabel]);

  const read = useCallback(
    () => (state ? changesSince(body, state, authors, mine) : undefined),
    [state, body, authors, mine],
  );
  const changes = useYValue(draftDoc, read);
  const markSeen = useCallback(() => {
    if (seen) void seen.markSeen(draftId, draftDoc, body);
  }, [seen, draftId, draftDoc, body]);
  return { changes, markSeen };
}
