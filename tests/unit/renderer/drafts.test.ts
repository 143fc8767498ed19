import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDraft } from '../../../renderer/drafts/createDraft.ts';
import { draftsMap, TITLE_MAX_LENGTH } from '../../../renderer/drafts/draftSchema.ts';
import { readDrafts } from '../../../renderer/drafts/readDrafts.ts';

const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('drafts in the cell doc', () => {
  it('a draft created by one peer appears, with its text, at the other', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const id = createDraft(alice, '  Issue 12  ', 1000);
    const draft = readDrafts(alice).drafts[0];
    draft?.body.insert(0, 'Hello');
    sync(alice, bob);
    const seen = readDrafts(bob);
    expect(seen.dropped).toBe(0);
    expect(seen.drafts.map((d) => [d.id, d.title, d.createdAt, d.body.toJSON()])).toEqual([
      [id, 'Issue 12', 1000, 'Hello'],
    ]);
  });

  it('lists concurrent drafts in the same order on every peer', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    createDraft(alice, 'A', 5);
    createDraft(bob, 'B', 5);
    createDraft(bob, 'C', 1);
    sync(alice, bob);
    const order = (doc: Y.Doc): string[] => readDrafts(doc).drafts.map((d) => d.title);
    expect(order(alice)).toHaveLength(3);
    expect(order(alice)).toEqual(order(bob));
    expect(order(alice)[0]).toBe('C');
  });

  it('caps titles', () => {
    const doc = new Y.Doc();
    createDraft(doc, 't'.repeat(TITLE_MAX_LENGTH + 50));
    expect(readDrafts(doc).drafts[0]?.title).toHaveLength(TITLE_MAX_LENGTH);
  });

  it('drops and counts entries a peer wrote in a wrong shape', () => {
    const doc = new Y.Doc();
    createDraft(doc, 'good', 1);
    const map = draftsMap(doc);
    map.set('not-a-hex-id', new Y.Map());
    map.set('0'.repeat(32), 'a string, not a map');
    const noBody = new Y.Map<unknown>();
    map.set('1'.repeat(32), noBody);
    noBody.set('title', 'x');
    noBody.set('createdAt', 1);
    const badTime = new Y.Map<unknown>();
    map.set('2'.repeat(32), badTime);
    badTime.set('title', 'x');
    badTime.set('createdAt', Number.NaN);
    badTime.set('body', new Y.Text());
    const listing = readDrafts(doc);
    expect(listing.drafts.map((d) => d.title)).toEqual(['good']);
    expect(listing.dropped).toBe(4);
  });
});
