/**
 * Issue 19 item 9: archive and trash for drafts, tasks and versions. Who may: a coordinator, or
 * the member who created the entry (verified creator). The attack: a member writes the place of
 * a coordinator's draft directly (or deletes it, or replaces the whole entry to become its
 * "creator"); no other device may count it.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addTask } from '../../../shared/cell/addTask.ts';
import { boardTasks } from '../../../shared/cell/boardTasks.ts';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { draftVersions } from '../../../shared/cell/draftVersions.ts';
import { readShelf, SHELF_KEY } from '../../../shared/cell/readShelf.ts';
import { saveVersion } from '../../../shared/cell/saveVersion.ts';
import { setShelf } from '../../../shared/cell/setShelf.ts';
import { TRASH_KEEP_MS } from '../../../shared/cell/Shelf.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { prng } from '../../support/prng.ts';
import { createRuntimeCell, memberHex } from '../runtime/runtimeCell.ts';
import { ALICE, BOB, authorsOf, docWithClient, sync } from './cellFixture.ts';

const DAY = 24 * 60 * 60 * 1000;
const coordinatorIn = (rt: CellRuntime) => (hex: string) =>
  rt.currentRoster().members.get(hex)?.role === 'coordinator';

/** `viewer`'s judgement of the draft's place in the cell index. */
const draftShelf = (viewer: CellRuntime, draftId: string, now = 10_000) =>
  readShelf(
    cellIndexMaps(viewer.sync.doc(CELL_INDEX_DOC_ID)).drafts,
    draftId,
    viewer.sync.clientAuthors(CELL_INDEX_DOC_ID),
    coordinatorIn(viewer),
    now,
  );

/** `actor` shelves the draft on its own device, as the app would. */
const shelveDraft = (
  actor: CellRuntime,
  draftId: string,
  state: 'active' | 'archived' | 'trashed',
) =>
  setShelf(
    cellIndexMaps(actor.sync.doc(CELL_INDEX_DOC_ID)).drafts,
    draftId,
    state,
    { signPkHex: memberHex(actor), now: 5_000 },
    actor.sync.clientAuthors(CELL_INDEX_DOC_ID),
    coordinatorIn(actor),
  );

async function threeMembers(seed: number) {
  const { cell, founder: anna } = await createRuntimeCell(prng(seed));
  const bora = await cell.admit(anna, 'Bora', 'member', 1);
  const cem = await cell.admit(anna, 'Cem', 'member', 2);
  await cell.advance(2_000);
  return { cell, anna, bora, cem, all: [anna, bora, cem] };
}

describe('archive and trash: who may, as every device judges it (issue 19 item 9)', () => {
  it("a member's direct write, deletion or takeover of a coordinator's draft counts nowhere", async () => {
    const { cell, anna, bora, cem, all } = await threeMembers(91);
    const created = createDraft(anna.sync.doc(CELL_INDEX_DOC_ID), 'Statement', memberHex(anna));
    if (!created.ok) throw new Error(created.error);
    const id = created.value;
    await cell.advance(5_000);

    // The app refuses on Cem's device...
    expect(shelveDraft(cem, id, 'trashed')).toEqual({ ok: false, error: 'not_allowed' });
    // ...so Cem writes the field himself.
    const cemEntry = cellIndexMaps(cem.sync.doc(CELL_INDEX_DOC_ID)).drafts.get(
      id,
    ) as Y.Map<unknown>;
    cemEntry.set(SHELF_KEY, { state: 'trashed', at: 4_000 });
    await cell.advance(5_000);
    for (const viewer of [anna, bora]) {
      expect(draftShelf(viewer, id)).toMatchObject({ state: 'active', tampered: true });
    }

    // Anna archives it herself: counts everywhere. Cem deletes her value: in use again, flagged.
    expect(shelveDraft(anna, id, 'archived').ok).toBe(true);
    await cell.advance(5_000);
    for (const viewer of all) expect(draftShelf(viewer, id).state).toBe('archived');
    cemEntry.delete(SHELF_KEY);
    await cell.advance(5_000);
    for (const viewer of [anna, bora]) {
      expect(draftShelf(viewer, id)).toMatchObject({ state: 'active', tampered: true });
    }

    // Cem replaces the whole entry with his own copy, trashed: the creator is still Anna.
    cem.sync.doc(CELL_INDEX_DOC_ID).transact(() => {
      const copy = new Y.Map<unknown>();
      cellIndexMaps(cem.sync.doc(CELL_INDEX_DOC_ID)).drafts.set(id, copy);
      copy.set('title', 'Statement');
      copy.set(SHELF_KEY, { state: 'trashed', at: 4_000 });
    });
    await cell.advance(5_000);
    for (const viewer of [anna, bora]) {
      expect(draftShelf(viewer, id)).toMatchObject({
        state: 'active',
        tampered: true,
        creator: memberHex(anna),
      });
    }
    for (const rt of all) await rt.close();
  });

  it('a member shelves her own task and version; a coordinator may shelve anyone’s', async () => {
    const { cell, anna, bora, cem, all } = await threeMembers(92);
    const added = addTask(bora.sync.doc(TASK_BOARD_DOC_ID), 'Print', memberHex(bora));
    const draft = createDraft(bora.sync.doc(CELL_INDEX_DOC_ID), 'Leaflet', memberHex(bora));
    if (!added.ok || !draft.ok) throw new Error('setup');
    const docId = draftDocId(draft.value)!;
    const saved = saveVersion(bora.sync.doc(docId), 'First', memberHex(bora));
    if (!saved.ok) throw new Error(saved.error);
    await cell.advance(5_000);

    const tasksOf = (rt: CellRuntime) => boardTasks(rt.sync.doc(TASK_BOARD_DOC_ID));
    const versionsOf = (rt: CellRuntime) => draftVersions(rt.sync.doc(docId));
    const judge = (rt: CellRuntime) => ({
      task: readShelf(
        tasksOf(rt),
        added.value,
        rt.sync.clientAuthors(TASK_BOARD_DOC_ID),
        coordinatorIn(rt),
        10_000,
      ),
      version: readShelf(
        versionsOf(rt),
        saved.value,
        rt.sync.clientAuthors(docId),
        coordinatorIn(rt),
        10_000,
      ),
    });
    const as = (rt: CellRuntime) => ({ signPkHex: memberHex(rt), now: 5_000 });

    // Cem may not; Bora may (her own); Anna may (coordinator).
    expect(
      setShelf(
        tasksOf(cem),
        added.value,
        'trashed',
        as(cem),
        cem.sync.clientAuthors(TASK_BOARD_DOC_ID),
        coordinatorIn(cem),
      ).ok,
    ).toBe(false);
    expect(
      setShelf(
        tasksOf(bora),
        added.value,
        'trashed',
        as(bora),
        bora.sync.clientAuthors(TASK_BOARD_DOC_ID),
        coordinatorIn(bora),
      ).ok,
    ).toBe(true);
    expect(
      setShelf(
        versionsOf(anna),
        saved.value,
        'archived',
        as(anna),
        anna.sync.clientAuthors(docId),
        coordinatorIn(anna),
      ).ok,
    ).toBe(true);
    await cell.advance(5_000);
    for (const viewer of all) {
      expect(judge(viewer).task).toMatchObject({ state: 'trashed', tampered: false });
      expect(judge(viewer).version).toMatchObject({ state: 'archived', tampered: false });
    }

    // Bora restores her task from the trash.
    expect(
      setShelf(
        tasksOf(bora),
        added.value,
        'active',
        as(bora),
        bora.sync.clientAuthors(TASK_BOARD_DOC_ID),
        coordinatorIn(bora),
      ).ok,
    ).toBe(true);
    await cell.advance(5_000);
    for (const viewer of all) expect(judge(viewer).task.state).toBe('active');
    for (const rt of all) await rt.close();
  });
});

describe('the trash empties itself', () => {
  const tasksDoc = () => docWithClient(1);
  it('trashed entries leave the trash after 30 days; archived ones stay', () => {
    const doc = tasksDoc();
    const added = addTask(doc, 'Flyers', ALICE);
    const kept = addTask(doc, 'Banner', ALICE);
    if (!added.ok || !kept.ok) throw new Error('setup');
    const authors = authorsOf([doc, ALICE]);
    const never = () => false;
    const me = { signPkHex: ALICE, now: 100 * DAY };
    expect(setShelf(boardTasks(doc), added.value, 'trashed', me, authors, never).ok).toBe(true);
    expect(setShelf(boardTasks(doc), kept.value, 'archived', me, authors, never).ok).toBe(true);
    const at = (now: number) => ({
      trashed: readShelf(boardTasks(doc), added.value, authors, never, now).state,
      archived: readShelf(boardTasks(doc), kept.value, authors, never, now).state,
    });
    expect(at(100 * DAY + TRASH_KEEP_MS - 1)).toEqual({ trashed: 'trashed', archived: 'archived' });
    expect(at(100 * DAY + TRASH_KEEP_MS)).toEqual({ trashed: 'emptied', archived: 'archived' });
  });

  it('junk in the field, or a writer nobody knows, reads as in use', () => {
    const alice = docWithClient(1);
    const bob = docWithClient(2);
    const added = addTask(alice, 'Flyers', ALICE);
    if (!added.ok) throw new Error('setup');
    sync(alice, bob);
    const authors = authorsOf([alice, ALICE], [bob, BOB]);
    const entry = boardTasks(alice).get(added.value) as Y.Map<unknown>;
    for (const junk of [
      42,
      'trashed',
      { state: 'gone', at: 1 },
      { state: 'trashed', at: -1 },
      null,
    ]) {
      entry.set(SHELF_KEY, junk);
      expect(readShelf(boardTasks(alice), added.value, authors, () => false, 0)).toMatchObject({
        state: 'active',
        tampered: true,
      });
    }
    entry.set(SHELF_KEY, { state: 'trashed', at: 1 });
    expect(
      readShelf(
        boardTasks(alice),
        added.value,
        () => undefined,
        () => true,
        2,
      ).state,
    ).toBe('active');
  });
});
