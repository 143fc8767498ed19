import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { acceptSuggestion } from '../../../shared/cell/acceptSuggestion.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { draftPlainText } from '../../../shared/cell/draftPlainText.ts';
import { findSuggestions } from '../../../shared/cell/findSuggestions.ts';
import { originalText } from '../../../shared/cell/originalText.ts';
import { rejectSuggestion } from '../../../shared/cell/rejectSuggestion.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { suggestionNotation } from '../../../shared/cell/suggestionNotation.ts';
import { draftBlocks } from '../../../shared/export/draftBlocks.ts';
import { ALICE, BOB, authorsOf, docWithClient, firstText, sync } from './cellFixture.ts';
import { sid, suggestDelete, suggestInsert } from './suggestionFixture.ts';

const CAROL = 'c3'.repeat(32);

/** Alice wrote the text; Bob suggests an insertion, Carol a deletion. */
function scene(): {
  alice: Y.Doc;
  bob: Y.Doc;
  carol: Y.Doc;
  authors: (c: number) => string | undefined;
} {
  const alice = docWithClient(1);
  const bob = docWithClient(2);
  const carol = docWithClient(3);
  replaceDraftText(alice, 'The plant dumps waste at night.');
  sync(alice, bob);
  sync(alice, carol);
  suggestInsert(firstText(bob), 10, 'secretly ', sid(1));
  suggestDelete(firstText(carol), 21, 9, sid(2)); // ' at night'
  for (const a of [alice, bob, carol]) for (const b of [alice, bob, carol]) sync(a, b);
  const authors = authorsOf([alice, ALICE], [bob, BOB], [carol, CAROL]);
  return { alice, bob, carol, authors };
}

describe('suggestions (findSuggestions, accept, reject)', () => {
  it('finds each suggestion with its kind, text and verified author', () => {
    const { alice, authors } = scene();
    const found = findSuggestions(draftBody(alice), authors);
    expect(found.map(({ kind, id, author, text }) => ({ kind, id, author, text }))).toEqual([
      { kind: 'insert', id: sid(1), author: BOB, text: 'secretly ' },
      { kind: 'delete', id: sid(2), author: CAROL, text: ' at night' },
    ]);
  });

  it('accepting keeps an insertion and applies a deletion; rejecting does the opposite', () => {
    const accepted = scene();
    expect(acceptSuggestion(draftBody(accepted.bob), 'all', accepted.authors)).toBe(2);
    expect(draftPlainText(accepted.bob)).toBe('The plant secretly dumps waste.');
    expect(findSuggestions(draftBody(accepted.bob), accepted.authors)).toEqual([]);

    const rejected = scene();
    expect(rejectSuggestion(draftBody(rejected.carol), 'all', rejected.authors)).toBe(2);
    expect(draftPlainText(rejected.carol)).toBe('The plant dumps waste at night.');
    expect(findSuggestions(draftBody(rejected.carol), rejected.authors)).toEqual([]);
  });

  it('settles one suggestion alone, leaving the others open', () => {
    const { alice, authors } = scene();
    const target = { kind: 'delete', id: sid(2), author: CAROL } as const;
    expect(acceptSuggestion(draftBody(alice), target, authors)).toBe(1);
    expect(draftPlainText(alice)).toBe('The plant secretly dumps waste.');
    expect(findSuggestions(draftBody(alice), authors).map((s) => s.author)).toEqual([BOB]);
    // Nothing matches any more: a second accept changes nothing.
    expect(acceptSuggestion(draftBody(alice), target, authors)).toBe(0);
  });

  it('cuts a deletion over a suggested insertion once, never past it', () => {
    const { alice, bob, authors } = scene();
    // Alice suggests deleting 'secretly ' plus "dumps " (Bob's insertion and her own word).
    suggestDelete(firstText(alice), 10, 15, sid(3));
    sync(alice, bob);
    expect(acceptSuggestion(draftBody(bob), 'all', authors)).toBe(3);
    expect(draftPlainText(bob)).toBe('The plant waste.');
  });

  it('reads the plain key form too (a mark that does not overlap, as another client may write)', () => {
    const alice = docWithClient(1);
    replaceDraftText(alice, 'abc');
    firstText(alice).format(0, 1, { suggestDelete: { id: sid(9) } });
    const found = findSuggestions(draftBody(alice), authorsOf([alice, ALICE]));
    expect(found.map((s) => [s.kind, s.text, s.author])).toEqual([['delete', 'a', ALICE]]);
    rejectSuggestion(draftBody(alice), 'all', authorsOf([alice, ALICE]));
    expect(findSuggestions(draftBody(alice), authorsOf([alice, ALICE]))).toEqual([]);
    expect(draftPlainText(alice)).toBe('abc');
  });

  it('exports and reads the text as it stands undecided, with no mark and no colour', () => {
    const { alice, authors } = scene();
    const blocks = draftBlocks(draftBody(alice));
    expect(blocks).toEqual([
      { type: 'paragraph', inlines: [{ text: 'The plant dumps waste at night.' }] },
    ]);
    expect(JSON.stringify(blocks)).not.toMatch(/suggest|colou?r|secretly/i);
    expect(draftPlainText(alice, originalText)).toBe('The plant dumps waste at night.');
    const names = new Map([
      [BOB, 'Bob'],
      [CAROL, 'Carol'],
    ]);
    const who = (author: string | undefined): string => (author && names.get(author)) ?? '?';
    expect(draftPlainText(alice, suggestionNotation(authors, who))).toBe(
      'The plant {++secretly ++}{>>Bob<<}dumps waste{-- at night--}{>>Carol<<}.',
    );
  });
});

/**
 * The forged-field check (issue 17): a member writes suggestion marks whose attributes name
 * someone else. Authorship comes from the Yjs items' verified writers, so they still read as his.
 */
describe('forged suggestion authors', () => {
  it("a mark's attributes never name the suggester", () => {
    const alice = docWithClient(1);
    const carol = docWithClient(3);
    replaceDraftText(alice, 'Meet at the square.');
    sync(alice, carol);
    const forged = { author: ALICE, by: ALICE, user: 'Alice', name: 'Alice' };
    suggestInsert(firstText(carol), 8, 'not ', sid(4), forged);
    suggestDelete(firstText(carol), 12, 4, sid(5), forged); // 'the '
    sync(alice, carol);
    const authors = authorsOf([alice, ALICE], [carol, CAROL]);
    for (const doc of [alice, carol]) {
      const found = findSuggestions(draftBody(doc), authors);
      expect(found.map((s) => [s.kind, s.text, s.author])).toEqual([
        ['insert', 'not ', CAROL],
        ['delete', 'the ', CAROL],
      ]);
    }
  });

  it("copying another's suggestion id makes a separate suggestion under the copier", () => {
    const { alice, carol, authors } = scene();
    // Carol proposes more text under Bob's id: it is hers, not Bob's.
    suggestInsert(firstText(carol), 0, 'Sources say: ', sid(1));
    sync(alice, carol);
    const found = findSuggestions(draftBody(alice), authors);
    expect(found.filter((s) => s.id === sid(1)).map((s) => [s.author, s.text])).toEqual([
      [CAROL, 'Sources say: '],
      [BOB, 'secretly '],
    ]);
    // Rejecting Bob's deletes his words only; Carol's stay, still her open suggestion.
    rejectSuggestion(draftBody(alice), { kind: 'insert', id: sid(1), author: BOB }, authors);
    expect(draftPlainText(alice)).toBe('Sources say: The plant dumps waste at night.');
    expect(findSuggestions(draftBody(alice), authors).map((s) => [s.author, s.text])).toEqual([
      [CAROL, 'Sources say: '],
      [CAROL, ' at night'],
    ]);
  });

  it('a writer nobody verified reads as unknown, not as the name in the mark', () => {
    const alice = docWithClient(1);
    const stranger = docWithClient(99);
    replaceDraftText(alice, 'Text.');
    sync(alice, stranger);
    suggestInsert(firstText(stranger), 0, 'Forged ', sid(6), { author: ALICE });
    sync(alice, stranger);
    const [found] = findSuggestions(draftBody(alice), authorsOf([alice, ALICE]));
    expect(found?.author).toBeUndefined();
  });
});
