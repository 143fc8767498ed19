import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment } from '../../../shared/cell/addComment.ts';
import { anchorQuote } from '../../../shared/cell/anchorQuote.ts';
import { listComments } from '../../../shared/cell/listComments.ts';
import { readerRootName, readerRoots } from '../../../shared/cell/readerRoot.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { replyToComment } from '../../../shared/cell/replyToComment.ts';
import { setCommentResolved } from '../../../shared/cell/setCommentResolved.ts';
import { ALICE, BOB, authorsOf, docWithClient, rawEntry, sync } from './cellFixture.ts';

/** Issue 17: a reader's comments live in her own root of the comments document. */
describe('readers’ roots in a comments document', () => {
  it('a reader comments and replies in her root; members read, answer and resolve it', () => {
    const draft = docWithClient(1);
    const atAlice = docWithClient(2); // Alice, a member
    const atBob = docWithClient(3); // Bob, a reader the cell lets comment
    const authors = authorsOf([draft, ALICE], [atAlice, ALICE], [atBob, BOB]);
    replaceDraftText(draft, 'The mayor lied.');
    const anchor = anchorQuote(draft, 'mayor');
    if (!anchor.ok) throw new Error(anchor.error);
    const asReader = { authors, member: BOB, reader: true };
    const mine = addComment(atAlice, 'Source?', anchor.value, 100, { authors, member: ALICE });
    const his = addComment(atBob, 'I was there.', anchor.value, 200, asReader);
    if (!mine.ok || !his.ok) throw new Error('not added');
    sync(atAlice, atBob);
    // His thread and his reply to hers are in his root; nothing of his is in 'comments'.
    expect(replyToComment(atBob, mine.value, 'Minutes.', 300, asReader).ok).toBe(true);
    expect([...atBob.getMap(readerRootName(BOB)).keys()]).toHaveLength(2);
    expect([...atBob.getMap('comments').keys()]).toEqual([mine.value]);
    // A member answers and resolves his thread.
    expect(replyToComment(atAlice, his.value, 'Thanks.', 400).ok).toBe(true);
    sync(atAlice, atBob);
    expect(setCommentResolved(atAlice, his.value, true).ok).toBe(true);
    sync(atAlice, atBob);
    for (const doc of [atAlice, atBob]) {
      const { entries, dropped } = listComments(draft, authors, { doc, authors });
      expect(dropped).toBe(0);
      expect(
        entries.map((t) => [t.author, t.text, t.resolved, t.replies.map((r) => r.text)]),
      ).toEqual([
        [ALICE, 'Source?', false, ['Minutes.']],
        [BOB, 'I was there.', true, ['Thanks.']],
      ]);
    }
  });

  it('an entry someone else put in a reader’s root is not hers: dropped, never shown', () => {
    const draft = docWithClient(1);
    const atAlice = docWithClient(2);
    const authors = authorsOf([draft, ALICE], [atAlice, ALICE]);
    replaceDraftText(draft, 'The mayor lied.');
    const anchor = anchorQuote(draft, 'mayor');
    if (!anchor.ok) throw new Error(anchor.error);
    const thread = addComment(atAlice, 'Source?', anchor.value, 100);
    if (!thread.ok) throw new Error(thread.error);
    // A valid reply in every field, but written by Alice into Bob's root.
    rawEntry(atAlice.getMap(readerRootName(BOB)), 'c'.repeat(32), {
      text: 'placed',
      at: 200,
      parent: thread.value,
    });
    const { entries, dropped } = listComments(draft, authors, { doc: atAlice, authors });
    expect(entries.map((t) => t.replies.length)).toEqual([0]);
    expect(dropped).toBe(1);
  });

  it('lists roots in name order and skips names that are not a reader’s key or not a map', () => {
    const doc = new Y.Doc();
    doc.getMap(readerRootName(BOB)).set('x', 1);
    doc.getMap(readerRootName(ALICE)).set('x', 1);
    doc.getMap('reader:nothex').set('x', 1);
    doc.getText(readerRootName('c3'.repeat(32))).insert(0, 'text');
    expect(readerRoots(doc).map((r) => r.reader)).toEqual([ALICE, BOB]);
  });
});
