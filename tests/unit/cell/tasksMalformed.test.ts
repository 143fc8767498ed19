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
import { ALICE, BOB, hostileValues, rawEntry, sync } from './cellFixture.ts';

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
  it('each member marks themselves; a peer sees it; malformed entries are dropped', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    expect(setInsideCountry(alice, ALICE, true).ok).toBe(true);
    expect(setInsideCountry(bob, BOB, false).ok).toBe(true);
    expect(setInsideCountry(bob, 'bob', true)).toEqual({ ok: false, error: 'bad_member' });
    sync(alice, bob);
    const people = cellIndexMaps(bob).people;
    rawEntry(people, 'c3'.repeat(32), { insideCountry: 'yes' });
    rawEntry(people, 'not-a-key', { insideCountry: true });
    people.set('d4'.repeat(32), true);
    const read = readPeople(bob);
    expect([...read.people.entries()].sort()).toEqual([
      [ALICE, { insideCountry: true }],
      [BOB, { insideCountry: false }],
    ]);
    expect(read.dropped).toBe(3);
    setInsideCountry(alice, ALICE, false);
    sync(alice, bob);
    expect(readPeople(bob).people.get(ALICE)).toEqual({ insideCountry: false });
  });
});
