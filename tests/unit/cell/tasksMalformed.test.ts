import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTask } from '../../../shared/cell/addTask.ts';
import { boardTasks } from '../../../shared/cell/boardTasks.ts';
import { isDueDate } from '../../../shared/cell/isDueDate.ts';
import { listTasks } from '../../../shared/cell/listTasks.ts';
import { moveTask } from '../../../shared/cell/moveTask.ts';
import { readPeople } from '../../../shared/cell/readPeople.ts';
import { setInsideCountry } from '../../../shared/cell/setInsideCountry.ts';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { ALICE, BOB, authorsOf, hostileValues, rawEntry, sync } from './cellFixture.ts';

const VALID = {
  title: 'T',
  notes: '',
  status: 'todo',
  order: 1,
  assignee: '',
  due: '',
  labels: [],
  exposing: false,
  createdAt: 1,
  createdBy: ALICE,
};

describe('task board: values from peers', () => {
  it('drops and counts malformed tasks, accepts absent optional fields, never throws', () => {
    const doc = new Y.Doc();
    const tasks = boardTasks(doc);
    const { notes: _n, assignee: _a, due: _d, labels: _l, exposing: _e, ...minimal } = VALID;
    rawEntry(tasks, '0'.repeat(32), minimal);
    const bad: Record<string, unknown>[] = [
      { title: 'x'.repeat(201) },
      { status: 'archived' },
      { order: '1' },
      { order: Infinity },
      { assignee: 'bob' },
      { due: '2025-13-01' },
      { labels: 'print' },
      { labels: ['ok', 7] },
      { labels: [''] },
      { labels: Array.from({ length: 21 }, (_, i) => `l${i}`) },
      { exposing: 'yes' },
      { createdBy: '' },
      { notes: 'x'.repeat(10_001) },
    ];
    bad.forEach((change, i) =>
      rawEntry(tasks, (i + 1).toString(16).padStart(32, '1'), { ...VALID, ...change }),
    );
    let hostile = 0;
    for (const value of hostileValues()) {
      rawEntry(tasks, (0xa000 + hostile).toString(16).padStart(32, 'c'), {
        ...VALID,
        status: value,
      });
      hostile++;
    }
    tasks.set('d'.repeat(32), 'not a map');
    rawEntry(tasks, 'short', VALID);
    const listing = listTasks(doc);
    expect(listing.entries).toHaveLength(1);
    expect(listing.entries[0]).toMatchObject({
      notes: '',
      assignee: '',
      due: '',
      labels: [],
      exposing: false,
    });
    expect(listing.dropped).toBe(bad.length + hostile + 2);
    // Writers work around the junk: a new task lands after the valid one.
    const added = addTask(doc, 'New', BOB);
    expect(added.ok && moveTask(doc, added.value, 'todo', 0).ok).toBe(true);
    expect(listTasks(doc).entries.map((t) => t.title)).toEqual(['New', 'T']);
  });

  it.each([
    ['2025-01-31', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-1-01', false],
    ['1999-01-01', false],
    ['2025-01-01T00:00', false],
    ['', false],
  ])('isDueDate(%j) = %s', (value, expected) => {
    expect(isDueDate(value)).toBe(expected);
  });
});

describe('people: inside the country', () => {
  it("each member marks themselves; a peer sees it; a member's own malformed entry is dropped", () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const authors = authorsOf([alice, ALICE], [bob, BOB]);
    expect(setInsideCountry(alice, ALICE, true).ok).toBe(true);
    expect(setInsideCountry(bob, BOB, false).ok).toBe(true);
    expect(setInsideCountry(bob, 'bob', true)).toEqual({ ok: false, error: 'bad_member' });
    sync(alice, bob);
    const people = cellIndexMaps(bob).people;
    rawEntry(people, 'not-a-key', { insideCountry: true });
    const read = readPeople(bob, authors);
    expect([...read.people.entries()].sort()).toEqual([
      [ALICE, { insideCountry: true, overwritten: false }],
      [BOB, { insideCountry: false, overwritten: false }],
    ]);
    expect(read.dropped).toBe(1);
    setInsideCountry(alice, ALICE, false);
    sync(alice, bob);
    expect(readPeople(bob, authors).people.get(ALICE)).toEqual({
      insideCountry: false,
      overwritten: false,
    });
    // Bob's own entry in a wrong shape is his own business: dropped, not "overwritten".
    people.set(BOB, true);
    expect(readPeople(bob, authors).people.get(BOB)).toBeUndefined();
  });

  it('a value written for someone else, in any shape, or a deletion of it, marks the entry overwritten', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    const authors = authorsOf([alice, ALICE], [bob, BOB]);
    const people = cellIndexMaps(bob).people;
    const C3 = 'c3'.repeat(32);
    const D4 = 'd4'.repeat(32);
    rawEntry(people, C3, { insideCountry: 'yes' });
    people.set(D4, true);
    expect(setInsideCountry(bob, ALICE, true).ok).toBe(true);
    const forged = { insideCountry: undefined, overwritten: true };
    for (const hex of [C3, D4, ALICE])
      expect(readPeople(bob, authors).people.get(hex)).toEqual(forged);
    // Alice's own value, written inside the map Bob created for her, counts.
    sync(bob, alice);
    expect(setInsideCountry(alice, ALICE, true).ok).toBe(true);
    sync(alice, bob);
    expect(readPeople(bob, authors).people.get(ALICE)).toEqual({
      insideCountry: true,
      overwritten: false,
    });
    // Bob deletes her value, then her whole entry: neither leaves her "not said".
    (people.get(ALICE) as Y.Map<unknown>).delete('insideCountry');
    expect(readPeople(bob, authors).people.get(ALICE)).toEqual(forged);
    people.delete(ALICE);
    expect(readPeople(bob, authors).people.get(ALICE)).toEqual(forged);
    // An unknown writer (no claim) counts for nobody.
    expect(readPeople(bob, () => undefined).people.get(BOB)).toBeUndefined();
  });
});
