import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addTask } from '../../../shared/cell/addTask.ts';
import { assignTask } from '../../../shared/cell/assignTask.ts';
import { listTasks } from '../../../shared/cell/listTasks.ts';
import { moveTask } from '../../../shared/cell/moveTask.ts';
import { needsExposureWarning } from '../../../shared/cell/needsExposureWarning.ts';
import { orderBetween } from '../../../shared/cell/orderBetween.ts';
import type { TaskStatus } from '../../../shared/cell/TaskStatus.ts';
import { updateTask } from '../../../shared/cell/updateTask.ts';
import { ALICE, BOB, docWithClient, sync } from './cellFixture.ts';

const add = (doc: Y.Doc, title: string, status?: TaskStatus): string => {
  const result = addTask(doc, title, ALICE, { now: 10, ...(status ? { status } : {}) });
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

const columns = (doc: Y.Doc): Record<TaskStatus, string[]> => {
  const out: Record<TaskStatus, string[]> = { todo: [], doing: [], done: [] };
  for (const task of listTasks(doc).entries) out[task.status].push(task.title);
  return out;
};

describe('task board', () => {
  it('adds tasks at the end of a column with empty optional fields', () => {
    const doc = docWithClient(1);
    const id = add(doc, '  Find a printer ');
    add(doc, 'Write editorial');
    add(doc, 'Translate', 'doing');
    expect(columns(doc)).toEqual({
      todo: ['Find a printer', 'Write editorial'],
      doing: ['Translate'],
      done: [],
    });
    expect(listTasks(doc).entries[0]).toEqual({
      id,
      title: 'Find a printer',
      notes: '',
      status: 'todo',
      order: 0,
      assignee: '',
      due: '',
      labels: [],
      exposing: false,
      createdAt: 10,
      createdBy: ALICE,
    });
    expect(addTask(doc, ' ', ALICE)).toEqual({ ok: false, error: 'empty_title' });
    expect(addTask(doc, 'x', 'me')).toEqual({ ok: false, error: 'bad_author' });
  });

  it('moves within and across columns, as keyboard and drag and drop do', () => {
    const doc = docWithClient(1);
    const [a, b, c] = [add(doc, 'A'), add(doc, 'B'), add(doc, 'C')];
    moveTask(doc, c, 'todo', 0); // "move up" twice = to the top
    expect(columns(doc).todo).toEqual(['C', 'A', 'B']);
    moveTask(doc, a, 'doing', 0); // "move right"
    moveTask(doc, b, 'doing', 0); // dropped before A
    expect(columns(doc)).toEqual({ todo: ['C'], doing: ['B', 'A'], done: [] });
    moveTask(doc, b, 'doing', 1); // "move down"
    expect(columns(doc).doing).toEqual(['A', 'B']);
    moveTask(doc, c, 'done', 99); // index clamped to the end
    expect(columns(doc)).toEqual({ todo: [], doing: ['A', 'B'], done: ['C'] });
    expect(moveTask(doc, 'f'.repeat(32), 'done', 0)).toEqual({ ok: false, error: 'not_found' });
    expect(moveTask(doc, a, 'archived' as TaskStatus, 0)).toEqual({
      ok: false,
      error: 'bad_status',
    });
  });

  it('converges when two peers move the same task to different places at once', () => {
    const alice = docWithClient(10);
    const bob = docWithClient(20);
    const ids = ['A', 'B', 'C'].map((t) => add(alice, t));
    sync(alice, bob);
    moveTask(alice, ids[0]!, 'done', 0);
    moveTask(bob, ids[0]!, 'doing', 0);
    moveTask(bob, ids[2]!, 'todo', 0);
    sync(alice, bob);
    expect(columns(alice)).toEqual(columns(bob));
    const whereA = listTasks(alice).entries.filter((t) => t.title === 'A');
    expect(whereA).toHaveLength(1);
    expect(columns(alice).todo[0]).toBe('C');
  });

  it('converges when two peers drop different tasks into the same slot, and renumbers the tie', () => {
    const alice = docWithClient(10);
    const bob = docWithClient(20);
    const [a, b] = [add(alice, 'A'), add(alice, 'B')];
    add(alice, 'X', 'doing');
    sync(alice, bob);
    moveTask(alice, a, 'doing', 0);
    moveTask(bob, b, 'doing', 0);
    sync(alice, bob);
    const doing = columns(alice).doing;
    expect(columns(bob).doing).toEqual(doing);
    expect(doing.slice(0, 2).sort()).toEqual(['A', 'B']);
    // A and B now share an order value: moving X between them has no room and renumbers.
    const x = listTasks(alice).entries.find((t) => t.title === 'X')!;
    expect(moveTask(alice, x.id, 'doing', 1).ok).toBe(true);
    expect(columns(alice).doing).toEqual([doing[0], 'X', doing[1]]);
    expect(new Set(listTasks(alice).entries.map((t) => t.order)).size).toBe(3);
  });

  it('edits fields, writing only what changed, and keeps concurrent edits of different fields', () => {
    const alice = docWithClient(1);
    const bob = docWithClient(2);
    const id = add(alice, 'Leaflets');
    sync(alice, bob);
    expect(
      updateTask(alice, id, {
        notes: 'Two hundred copies',
        due: '2025-03-08',
        labels: [' print ', 'Print', '', 'urgent'],
      }).ok,
    ).toBe(true);
    expect(updateTask(bob, id, { title: 'Leaflets for the march', exposing: true }).ok).toBe(true);
    sync(alice, bob);
    expect(listTasks(bob).entries[0]).toMatchObject({
      title: 'Leaflets for the march',
      notes: 'Two hundred copies',
      due: '2025-03-08',
      labels: ['print', 'urgent'],
      exposing: true,
    });
    expect(updateTask(alice, id, { due: '2025-02-30' })).toEqual({ ok: false, error: 'bad_due' });
    expect(updateTask(alice, id, { title: '' })).toEqual({ ok: false, error: 'empty_title' });
    expect(updateTask(alice, id, { notes: 'x'.repeat(10_001) })).toEqual({
      ok: false,
      error: 'notes_too_long',
    });
    expect(updateTask(alice, id, { due: '' }).ok).toBe(true);
    expect(listTasks(alice).entries[0]?.due).toBe('');
  });

  it('assigns to a member key or to nobody, refusing anything else', () => {
    const doc = docWithClient(1);
    const id = add(doc, 'Speak at the rally');
    expect(assignTask(doc, id, BOB)).toEqual({ ok: true, value: undefined });
    expect(listTasks(doc).entries[0]?.assignee).toBe(BOB);
    expect(assignTask(doc, id, 'Bob')).toEqual({ ok: false, error: 'bad_assignee' });
    expect(assignTask(doc, 'f'.repeat(32), BOB)).toEqual({ ok: false, error: 'not_found' });
    expect(assignTask(doc, id, '').ok).toBe(true);
    expect(listTasks(doc).entries[0]?.assignee).toBe('');
  });
});

describe('needsExposureWarning', () => {
  const own = (insideCountry: boolean) => ({ insideCountry, overwritten: false });
  const overwritten = { insideCountry: undefined, overwritten: true };
  it.each([
    [true, own(true), true],
    [true, own(false), false],
    [true, undefined, false],
    [true, overwritten, true],
    [false, own(true), false],
    [false, overwritten, false],
    [false, undefined, false],
  ])('exposing %s, assignee %o -> %s', (exposing, assignee, expected) => {
    expect(needsExposureWarning({ exposing }, assignee)).toBe(expected);
  });
});

describe('orderBetween', () => {
  it('finds a value strictly between neighbours, or none when there is no room', () => {
    expect(orderBetween(undefined, undefined)).toBe(0);
    expect(orderBetween(3, undefined)).toBe(4);
    expect(orderBetween(undefined, 3)).toBe(2);
    expect(orderBetween(1, 2)).toBe(1.5);
    expect(orderBetween(2, 2)).toBeUndefined();
    expect(orderBetween(1, 1 + Number.EPSILON)).toBeUndefined();
  });
});
