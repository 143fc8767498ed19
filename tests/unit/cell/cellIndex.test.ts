import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { DRAFT_STATUSES } from '../../../shared/cell/DraftStatus.ts';
import { findDraftByTitle } from '../../../shared/cell/findDraftByTitle.ts';
import { listDrafts } from '../../../shared/cell/listDrafts.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import { updateDraftEntry } from '../../../shared/cell/updateDraftEntry.ts';
import { ALICE, BOB, hostileValues, rawEntry, sync } from './cellFixture.ts';

const created = (doc: Y.Doc, title: string, now: number): string => {
  const result = createDraft(doc, title, ALICE, now);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('cell index: drafts', () => {
  it('uses the fixed doc ids 0x00..0x01 and 0x00..0x02', () => {
    expect(Array.from(CELL_INDEX_DOC_ID)).toEqual([...Array<number>(15).fill(0), 1]);
    expect(Array.from(TASK_BOARD_DOC_ID)).toEqual([...Array<number>(15).fill(0), 2]);
  });

  it('creates a draft with a random 32-hex id whose bytes are its doc id', () => {
    const doc = new Y.Doc();
    const id = created(doc, '  Issue\t12  ', 1000);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(Array.from(draftDocId(id) ?? [])).toHaveLength(16);
    expect(listDrafts(doc)).toEqual({
      entries: [
        {
          id,
          title: 'Issue 12',
          headline: '',
          status: 'idea',
          createdAt: 1000,
          updatedAt: 1000,
          updatedBy: ALICE,
          words: 0,
        },
      ],
      dropped: 0,
    });
    expect(createDraft(doc, '   ', ALICE)).toEqual({ ok: false, error: 'empty_title' });
    expect(createDraft(doc, 'x', 'not-a-key')).toEqual({ ok: false, error: 'bad_author' });
    expect(draftDocId('00000000000000000000000000000001')).toBeUndefined();
    expect(draftDocId('XYZ')).toBeUndefined();
  });

  it('caps titles at 200 UTF-16 units without splitting an emoji', () => {
    const doc = new Y.Doc();
    created(doc, `${'a'.repeat(199)}😀tail`, 1);
    const [entry] = listDrafts(doc).entries;
    expect(entry?.title).toBe('a'.repeat(199));
  });

  it('lists most recently edited first, the same on every peer', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const a = created(alice, 'A', 5);
    const b = created(bob, 'B', 5);
    const c = created(bob, 'C', 9);
    sync(alice, bob);
    const order = listDrafts(alice).entries.map((d) => d.id);
    expect(order[0]).toBe(c);
    expect(order.slice(1)).toEqual([a, b].sort());
    expect(listDrafts(bob).entries.map((d) => d.id)).toEqual(order);
    expect(updateDraftEntry(alice, a, { edit: { by: BOB, at: 20, words: 7 } })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(listDrafts(alice).entries[0]).toMatchObject({
      id: a,
      updatedAt: 20,
      updatedBy: BOB,
      words: 7,
    });
  });

  it('keeps a concurrent rename and status change both', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const id = created(alice, 'Draft', 1);
    sync(alice, bob);
    updateDraftEntry(alice, id, { title: 'Issue 13' });
    updateDraftEntry(bob, id, { status: 'review' });
    sync(alice, bob);
    for (const doc of [alice, bob]) {
      expect(listDrafts(doc).entries[0]).toMatchObject({ title: 'Issue 13', status: 'review' });
    }
  });

  it('keeps every status in order, checked between review and ready, and reads it back', () => {
    expect(DRAFT_STATUSES).toEqual(['idea', 'writing', 'review', 'checked', 'ready', 'published']);
    const doc = new Y.Doc();
    const id = created(doc, 'Draft', 1);
    for (const status of DRAFT_STATUSES) {
      expect(updateDraftEntry(doc, id, { status }).ok).toBe(true);
      expect(listDrafts(doc).entries[0]?.status).toBe(status);
    }
  });

  it('refuses bad changes without writing anything', () => {
    const doc = new Y.Doc();
    const id = created(doc, 'Draft', 1);
    const before = Y.encodeStateVector(doc);
    expect(updateDraftEntry(doc, id, { title: ' ' }).ok).toBe(false);
    expect(updateDraftEntry(doc, id, { status: 'lost' as never }).ok).toBe(false);
    expect(updateDraftEntry(doc, id, { edit: { by: ALICE, at: 1, words: -1 } }).ok).toBe(false);
    expect(updateDraftEntry(doc, id, { edit: { by: 'me', at: 1, words: 1 } }).ok).toBe(false);
    expect(updateDraftEntry(doc, 'f'.repeat(32), { title: 'x' })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('drops and counts malformed entries from peers, never throws', () => {
    const doc = new Y.Doc();
    const good = created(doc, 'Good', 1);
    const drafts = cellIndexMaps(doc).drafts;
    const valid = {
      title: 'T',
      status: 'idea',
      createdAt: 1,
      updatedAt: 1,
      updatedBy: ALICE,
      words: 0,
    };
    rawEntry(drafts, '00000000000000000000000000000001', valid); // reserved id
    rawEntry(drafts, 'NOT-HEX', valid);
    rawEntry(drafts, '1'.repeat(32), { ...valid, title: 'x'.repeat(201) });
    rawEntry(drafts, '2'.repeat(32), { ...valid, status: 'deleted' });
    rawEntry(drafts, '3'.repeat(32), { ...valid, updatedBy: 'bob' });
    rawEntry(drafts, '4'.repeat(32), { ...valid, words: 1.5 });
    rawEntry(drafts, '5'.repeat(32), { ...valid, createdAt: -5 });
    drafts.set('6'.repeat(32), 'a string, not a map');
    let hostile = 0;
    for (const value of hostileValues()) {
      rawEntry(drafts, (0x7000 + hostile).toString(16).padStart(32, '7'), {
        ...valid,
        title: value,
      });
      hostile++;
    }
    const listing = listDrafts(doc);
    expect(listing.entries.map((d) => d.id)).toContain(good);
    // Only the string titles within bounds survive among the hostile ones: '' and none else.
    expect(listing.entries).toHaveLength(2);
    expect(listing.dropped).toBe(8 + hostile - 1);
  });

  it('finds a draft by exact title, then case-insensitively, and reports ambiguity', () => {
    const doc = new Y.Doc();
    const id = created(doc, 'Issue 12', 1);
    created(doc, 'Letters', 2);
    created(doc, 'letters', 3);
    expect(findDraftByTitle(doc, ' Issue 12 ')).toMatchObject({ ok: true, value: { id } });
    expect(findDraftByTitle(doc, 'issue 12')).toMatchObject({ ok: true, value: { id } });
    expect(findDraftByTitle(doc, 'Letters')).toMatchObject({
      ok: true,
      value: { title: 'Letters' },
    });
    expect(findDraftByTitle(doc, 'LETTERS')).toEqual({ ok: false, error: 'ambiguous' });
    expect(findDraftByTitle(doc, 'Issue 13')).toEqual({ ok: false, error: 'not_found' });
  });
});
