import { useEffect } from 'react';
import type * as Y from 'yjs';
import { countWords } from '../../shared/cell/countWords.ts';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { draftPlainText } from '../../shared/cell/draftPlainText.ts';
import { updateDraftEntry } from '../../shared/cell/updateDraftEntry.ts';

const QUIET_MS = 1500;

/**
 * After this member edits the body (local transactions only, never a peer's), records in the cell
 * index who edited, when, and the word count: once per pause in typing, and on leaving the draft.
 */
export function useDraftEditRecorder(
  indexDoc: Y.Doc,
  draftDoc: Y.Doc,
  draftId: string,
  me: string,
): void {
  useEffect(() => {
    const body = draftBody(draftDoc);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const record = (): void => {
      timer = undefined;
      const words = countWords(draftPlainText(draftDoc));
      updateDraftEntry(indexDoc, draftId, { edit: { by: me, at: Date.now(), words } });
    };
    const observer = (_events: unknown, transaction: Y.Transaction): void => {
      if (!transaction.local) return;
      clearTimeout(timer);
      timer = setTimeout(record, QUIET_MS);
    };
    body.observeDeep(observer);
    return () => {
      body.unobserveDeep(observer);
      if (timer !== undefined) {
        clearTimeout(timer);
        record();
      }
    };
  }, [indexDoc, draftDoc, draftId, me]);
}
