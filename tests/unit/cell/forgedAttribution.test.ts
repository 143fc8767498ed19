import { describe, expect, it } from 'vitest';
import { addTask } from '../../../shared/cell/addTask.ts';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { listDrafts } from '../../../shared/cell/listDrafts.ts';
import { listTasks } from '../../../shared/cell/listTasks.ts';
import { listVersions } from '../../../shared/cell/listVersions.ts';
import { needsExposureWarning } from '../../../shared/cell/needsExposureWarning.ts';
import { readPeople } from '../../../shared/cell/readPeople.ts';
import { saveVersion } from '../../../shared/cell/saveVersion.ts';
import { setInsideCountry } from '../../../shared/cell/setInsideCountry.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import { updateDraftEntry } from '../../../shared/cell/updateDraftEntry.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { prng } from '../../support/prng.ts';
import { createRuntimeCell, memberHex } from '../runtime/runtimeCell.ts';

const EXPOSING = { exposing: true };
const authorsOf = (rt: CellRuntime, docId: Uint8Array) => rt.sync.clientAuthors(docId);

/** What a member's device shows: would giving exposing work to `whoHex` warn first? */
function warns(viewer: CellRuntime, whoHex: string): boolean {
  const authors = viewer.sync.clientAuthors(CELL_INDEX_DOC_ID);
  const { people } = readPeople(viewer.sync.doc(CELL_INDEX_DOC_ID), authors);
  return needsExposureWarning(EXPOSING, people.get(whoHex));
}

async function threeMembers(seed: number) {
  const { cell, founder: anna } = await createRuntimeCell(prng(seed));
  const bora = await cell.admit(anna, 'Bora', 'member', 1);
  const cem = await cell.admit(anna, 'Cem', 'member', 2);
  await cell.advance(2_000);
  return { cell, anna, bora, cem, all: [anna, bora, cem] };
}

/**
 * Issue 14 item 5, the attack: attribution and the "inside the country" flag were plain CRDT
 * fields any member could write for anyone. Cem (the informer) holds valid keys; everything he
 * writes passes the clientID binding, because he writes it under his own clientIDs.
 */
describe('forged attribution and self-declarations (issue 14 item 5)', () => {
  it("another member cannot turn off a member's inside flag and hide the exposure warning", async () => {
    const { cell, anna, bora, cem, all } = await threeMembers(51);
    const boraHex = memberHex(bora);
    expect(setInsideCountry(bora.sync.doc(CELL_INDEX_DOC_ID), boraHex, true).ok).toBe(true);
    await cell.advance(5_000);
    // Control: Bora's own declaration counts on Anna's device.
    expect(warns(anna, boraHex)).toBe(true);

    // Cem writes Bora's flag as false.
    expect(setInsideCountry(cem.sync.doc(CELL_INDEX_DOC_ID), boraHex, false).ok).toBe(true);
    await cell.advance(5_000);
    expect(warns(anna, boraHex)).toBe(true);

    // Bora declares again herself: her own value counts.
    expect(setInsideCountry(bora.sync.doc(CELL_INDEX_DOC_ID), boraHex, true).ok).toBe(true);
    await cell.advance(5_000);
    expect(warns(anna, boraHex)).toBe(true);

    // Cem deletes Bora's entry instead.
    cellIndexMaps(cem.sync.doc(CELL_INDEX_DOC_ID)).people.delete(boraHex);
    await cell.advance(5_000);
    expect(warns(anna, boraHex)).toBe(true);
    for (const rt of all) await rt.close();
  });

  it("a member's own 'not inside' stays quiet, and a flag forged for a member who never said warns", async () => {
    const { cell, anna, bora, cem, all } = await threeMembers(52);
    const boraHex = memberHex(bora);
    const cemHex = memberHex(cem);
    expect(setInsideCountry(cem.sync.doc(CELL_INDEX_DOC_ID), cemHex, false).ok).toBe(true);
    await cell.advance(5_000);
    expect(warns(anna, cemHex)).toBe(false);
    expect(warns(anna, boraHex)).toBe(false);
    expect(setInsideCountry(cem.sync.doc(CELL_INDEX_DOC_ID), boraHex, false).ok).toBe(true);
    await cell.advance(5_000);
    // Nobody can say "not inside" for Bora; a write for her by someone else is itself a warning.
    expect(warns(anna, boraHex)).toBe(true);
    for (const rt of all) await rt.close();
  });

  it('"saved by", "last edited by" and a task\'s creator name who wrote them, not who they claim', async () => {
    const { cell, anna, bora, cem, all } = await threeMembers(53);
    const annaHex = memberHex(anna);
    const cemHex = memberHex(cem);
    const created = createDraft(anna.sync.doc(CELL_INDEX_DOC_ID), 'Leaflet', annaHex, 1_000);
    if (!created.ok) throw new Error(created.error);
    const draftId = created.value;
    await cell.advance(5_000);
    const cemDraft = cem.sync.doc(draftDocId(draftId)!);
    cemDraft.getXmlFragment('body').insert(0, []);

    // Cem writes three fields naming Anna.
    expect(saveVersion(cemDraft, 'Final', annaHex, 2_000).ok).toBe(true);
    const edit = { by: annaHex, at: 3_000, words: 7 };
    expect(updateDraftEntry(cem.sync.doc(CELL_INDEX_DOC_ID), draftId, { edit }).ok).toBe(true);
    expect(addTask(cem.sync.doc(TASK_BOARD_DOC_ID), 'Print it', annaHex, { now: 4_000 }).ok).toBe(
      true,
    );
    await cell.advance(5_000);

    for (const viewer of [anna, bora]) {
      const versions = listVersions(
        viewer.sync.doc(draftDocId(draftId)!),
        authorsOf(viewer, draftDocId(draftId)!),
      ).entries;
      expect(versions.map((v) => v.by)).toEqual([cemHex]);
      const drafts = listDrafts(
        viewer.sync.doc(CELL_INDEX_DOC_ID),
        authorsOf(viewer, CELL_INDEX_DOC_ID),
      ).entries;
      expect(drafts.map((d) => d.updatedBy)).toEqual([cemHex]);
      const tasks = listTasks(
        viewer.sync.doc(TASK_BOARD_DOC_ID),
        authorsOf(viewer, TASK_BOARD_DOC_ID),
      ).entries;
      expect(tasks.map((t) => t.createdBy)).toEqual([cemHex]);
    }
    for (const rt of all) await rt.close();
  });
});
