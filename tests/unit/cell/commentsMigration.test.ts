import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addComment } from '../../../shared/cell/addComment.ts';
import { anchorQuote } from '../../../shared/cell/anchorQuote.ts';
import { listComments } from '../../../shared/cell/listComments.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { replyToComment } from '../../../shared/cell/replyToComment.ts';
import { setCommentResolved } from '../../../shared/cell/setCommentResolved.ts';
import { ALICE, BOB, authorsOf, docWithClient, sync } from './cellFixture.ts';

function added(doc: Y.Doc, anchorDoc: Y.Doc, text: string, quote: string, at: number): string {
  const anchor = anchorQuote(anchorDoc, quote);
  if (!anchor.ok) throw new Error(anchor.error);
  const result = addComment(doc, text, anchor.value, at);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('issue 17: comments kept in the draft doc (before comments documents) and the new ones', () => {
  it('reads both, answers a legacy thread from the comments document, resolves each where it lives', () => {
    // Alice's and Bob's devices: the draft doc and the draft's comments document of each.
    const draftA = docWithClient(1);
    const draftB = docWithClient(2);
    const commentsA = docWithClient(3);
    const commentsB = docWithClient(4);
    const authors = authorsOf([draftA, ALICE], [draftB, BOB], [commentsA, ALICE], [commentsB, BOB]);
    replaceDraftText(draftA, 'The mayor lied.\nWe checked twice.');
    // A thread from before: in the draft doc itself.
    const legacy = added(draftA, draftA, 'Source?', 'mayor lied', 100);
    sync(draftA, draftB);
    // A new thread, in the comments document, anchored in the draft's body.
    const fresh = added(commentsB, draftB, 'Twice?', 'checked twice', 200);
    expect(replyToComment(commentsB, legacy, 'Minutes of 3 May.', 300, undefined, draftB).ok).toBe(
      true,
    );
    // Without the draft doc to look in, a legacy thread is not found.
    expect(replyToComment(commentsB, legacy, 'x', 301).ok).toBe(false);
    sync(commentsA, commentsB);
    for (const [draft, comments] of [
      [draftA, commentsA],
      [draftB, commentsB],
    ] as const) {
      const { entries, dropped } = listComments(draft, authors, { doc: comments, authors });
      expect(dropped).toBe(0);
      expect(entries.map((t) => [t.id, t.author, t.text, t.inCommentsDoc ?? false])).toEqual([
        [legacy, ALICE, 'Source?', false],
        [fresh, BOB, 'Twice?', true],
      ]);
      expect(entries[0]?.replies.map((r) => [r.author, r.text])).toEqual([
        [BOB, 'Minutes of 3 May.'],
      ]);
    }
    // The legacy thread is resolved in the draft doc, the new one in the comments document.
    expect(setCommentResolved(draftB, legacy, true).ok).toBe(true);
    expect(setCommentResolved(commentsA, fresh, true).ok).toBe(true);
    sync(draftA, draftB);
    sync(commentsA, commentsB);
    const { entries } = listComments(draftA, authors, { doc: commentsA, authors });
    expect(entries.map((t) => [t.resolved, t.resolvedBy])).toEqual([
      [true, BOB],
      [true, ALICE],
    ]);
    // Read alone, as before this change, the draft doc still shows its own threads.
    expect(listComments(draftA, authors).entries.map((t) => t.id)).toEqual([legacy]);
  });
});
