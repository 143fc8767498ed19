import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addComment } from '../../../shared/cell/addComment.ts';
import { anchoredText } from '../../../shared/cell/anchoredText.ts';
import { anchorQuote } from '../../../shared/cell/anchorQuote.ts';
import { CELL_LIMITS } from '../../../shared/cell/cellLimits.ts';
import type { CommentAnchor } from '../../../shared/cell/CommentThread.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { draftComments } from '../../../shared/cell/draftComments.ts';
import { listComments } from '../../../shared/cell/listComments.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { replyToComment } from '../../../shared/cell/replyToComment.ts';
import { setCommentResolved } from '../../../shared/cell/setCommentResolved.ts';
import { draftBlocks } from '../../../shared/export/draftBlocks.ts';
import { issueMarkdown } from '../../../shared/export/issueMarkdown.ts';
import { renderIssueHtml } from '../../../shared/export/renderIssueHtml.ts';
import {
  ALICE,
  BOB,
  authorsOf,
  docWithClient,
  firstText,
  hostileValues,
  rawEntry,
  sync,
} from './cellFixture.ts';

function anchor(doc: Y.Doc, quote: string): CommentAnchor {
  const result = anchorQuote(doc, quote);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function comment(doc: Y.Doc, text: string, quote: string, at = 100): string {
  const result = addComment(doc, text, anchor(doc, quote), at);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** Alice's and Bob's devices on one draft, with the body already synced. */
function twoDevices(body: string) {
  const alice = docWithClient(1);
  const bob = docWithClient(2);
  replaceDraftText(alice, body);
  sync(alice, bob);
  return { alice, bob, authors: authorsOf([alice, ALICE], [bob, BOB]) };
}

describe('comments on a draft', () => {
  it('threads with replies, resolve and reopen, under the verified authors', () => {
    const { alice, bob, authors } = twoDevices('The mayor lied.\nWe checked twice.');
    const thread = comment(alice, '  Source?\r\nNeed a link.  ', 'mayor lied', 100);
    sync(alice, bob);
    expect(replyToComment(bob, thread, 'Minutes of 3 May.', 200).ok).toBe(true);
    expect(setCommentResolved(bob, thread, true).ok).toBe(true);
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      const { entries, dropped } = listComments(doc, authors);
      expect(dropped).toBe(0);
      expect(entries).toHaveLength(1);
      const [only] = entries;
      expect(only).toMatchObject({
        id: thread,
        author: ALICE,
        text: 'Source?\nNeed a link.',
        resolved: true,
        resolvedBy: BOB,
        anchor: { quote: 'mayor lied' },
      });
      expect(only?.replies).toEqual([
        { id: expect.any(String) as string, author: BOB, text: 'Minutes of 3 May.', at: 200 },
      ]);
    }
    expect(setCommentResolved(alice, thread, false).ok).toBe(true);
    expect(listComments(alice, authors).entries[0]).toMatchObject({
      resolved: false,
      resolvedBy: ALICE,
    });
  });

  it('refuses empty or oversized text, bad anchors, replies to nothing, and the cap', () => {
    const doc = docWithClient(1);
    replaceDraftText(doc, 'text');
    const a = anchor(doc, 'text');
    expect(addComment(doc, ' \n ', a)).toEqual({ ok: false, error: 'empty' });
    expect(addComment(doc, 'x'.repeat(CELL_LIMITS.commentMaxChars + 1), a)).toEqual({
      ok: false,
      error: 'too_long',
    });
    const big = { ...a, start: new Uint8Array(CELL_LIMITS.commentAnchorMaxBytes + 1) };
    expect(addComment(doc, 'hi', big)).toEqual({ ok: false, error: 'bad_anchor' });
    expect(anchorQuote(doc, 'absent')).toEqual({ ok: false, error: 'not_found' });
    expect(replyToComment(doc, 'f'.repeat(32), 'hi')).toEqual({ ok: false, error: 'no_thread' });
    const thread = comment(doc, 'one', 'text');
    const reply = replyToComment(doc, thread, 'two');
    if (!reply.ok) throw new Error(reply.error);
    // A reply is not a thread: no replies to it, no resolving it.
    expect(replyToComment(doc, reply.value, 'three')).toEqual({ ok: false, error: 'no_thread' });
    expect(setCommentResolved(doc, reply.value, true)).toEqual({ ok: false, error: 'no_thread' });
    for (let i = draftComments(doc).size; i < CELL_LIMITS.commentsMax; i++) {
      draftComments(doc).set(`${i}`, 0);
    }
    expect(addComment(doc, 'more', a)).toEqual({ ok: false, error: 'too_many' });
    expect(replyToComment(doc, thread, 'more')).toEqual({ ok: false, error: 'too_many' });
  });

  it('the anchor follows its text through edits before, inside and after it', () => {
    const doc = docWithClient(1);
    replaceDraftText(doc, 'one two three');
    const a = anchor(doc, 'two');
    const text = firstText(doc);
    text.insert(8, 'X'); // just after the span: stays outside
    text.insert(4, 'Y'); // just before the span: stays outside
    text.insert(0, 'zero ');
    text.insert(11, '-and-'); // inside: 'zero one Yt' | 'wo'
    expect(anchoredText(doc, a)).toBe('t-and-wo');
    text.delete(10, 8); // the whole span
    expect(anchoredText(doc, a)).toBe('');
    replaceDraftText(doc, 'new text');
    expect(anchoredText(doc, a)).toBeUndefined();
    expect(listComments(doc, authorsOf([doc, ALICE])).entries).toEqual([]);
  });

  it('never shows a comment under the name of someone who did not write it', () => {
    const { alice, bob, authors } = twoDevices('Claim one. Claim two.');
    const thread = comment(alice, 'Check this', 'Claim one');
    sync(alice, bob);
    // Bob alters Alice's words in place: the comment is void (dropped, counted), not hers.
    const entry = draftComments(bob).get(thread) as Y.Map<unknown>;
    entry.set('text', 'This is fine, print it');
    // Bob writes a whole entry that claims to be Alice's: it is his.
    rawEntry(draftComments(bob), 'c'.repeat(32), {
      text: 'Signed, Alice',
      at: 1,
      author: ALICE,
      by: ALICE,
      start: anchor(bob, 'Claim two').start,
      end: anchor(bob, 'Claim two').end,
      quote: 'Claim two',
    });
    // Bob points a reply of his at Alice's thread while pretending to be her: still his.
    rawEntry(draftComments(bob), 'd'.repeat(32), { text: 'agreed', at: 2, parent: thread });
    sync(alice, bob);
    const { entries, dropped } = listComments(alice, authors);
    expect(dropped).toBe(2); // Alice's altered thread, and the reply that now has no thread
    expect(entries.map((t) => [t.author, t.text])).toEqual([[BOB, 'Signed, Alice']]);
    // Text from a device whose clientID has no verified author is not shown at all.
    expect(listComments(alice, () => undefined)).toEqual({ entries: [], dropped: 3 });
  });

  it('drops hostile entries and fields without throwing', () => {
    const doc = docWithClient(1);
    replaceDraftText(doc, 'body');
    const authors = authorsOf([doc, ALICE]);
    const good = anchor(doc, 'body');
    const valid = { text: 'ok', at: 1, start: good.start, end: good.end, quote: 'body' };
    let n = 0;
    const id = (): string => (n++).toString(16).padStart(32, 'e');
    for (const value of hostileValues()) {
      for (const field of ['text', 'at', 'start', 'end', 'quote', 'parent']) {
        rawEntry(draftComments(doc), id(), { ...valid, [field]: value });
      }
      draftComments(doc).set(id(), value);
    }
    rawEntry(draftComments(doc), 'not-an-id', valid);
    rawEntry(draftComments(doc), id(), { ...valid, resolved: 'yes' });
    const garbage = { ...valid, start: new Uint8Array([255, 1, 2]), end: new Uint8Array(9) };
    rawEntry(draftComments(doc), id(), garbage);
    const { entries, dropped } = listComments(doc, authors);
    // What survives is well-formed: an empty quote, another time, the 3-byte anchors, the
    // non-boolean 'resolved' (read as open: it never hides a thread), the garbage anchor (listed,
    // pointing nowhere).
    expect(entries.map((t) => [t.at, t.anchor.quote, t.resolved])).toEqual([
      [1, '', false],
      [1, 'body', false],
      [1, 'body', false],
      [1, 'body', false],
      [1, 'body', false],
      [42, 'body', false],
    ]);
    expect(entries.map((t) => anchoredText(doc, t.anchor))).toEqual([
      'body',
      undefined,
      undefined,
      'body',
      undefined,
      'body',
    ]);
    expect(dropped).toBe(draftComments(doc).size - 6);
  });

  it('never reaches an export: Markdown and print HTML carry the body alone', () => {
    const doc = docWithClient(1);
    replaceDraftText(doc, 'The body text.');
    const thread = comment(doc, 'SECRET-REMARK', 'body');
    expect(replyToComment(doc, thread, 'SECRET-REPLY').ok).toBe(true);
    const drafts = [{ title: 'T', blocks: draftBlocks(draftBody(doc)) }];
    const issue = {
      id: 'a'.repeat(32),
      masthead: { title: 'M', issueNumber: '', date: '', tagline: '' },
      draftIds: ['b'.repeat(32)],
      layout: 'single-column' as const,
      createdAt: 0,
      updatedAt: 0,
    };
    for (const output of [
      issueMarkdown(issue, drafts),
      renderIssueHtml({ issue, drafts, lang: 'en', fontCss: '' }),
    ]) {
      expect(output).toContain('The body text.');
      expect(output).not.toMatch(/SECRET|comment/i);
    }
  });
});
