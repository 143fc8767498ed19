import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment } from '../../../shared/cell/addComment.ts';
import { anchorQuote } from '../../../shared/cell/anchorQuote.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftComments } from '../../../shared/cell/draftComments.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { listComments } from '../../../shared/cell/listComments.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { prng } from '../../support/prng.ts';
import { createRuntimeCell, memberHex } from '../runtime/runtimeCell.ts';

/**
 * Issue 17 (the forged-field check of issue 14 applied to comments), through the real sync
 * engine: Cem holds valid keys and writes under his own clientIDs, so everything he sends passes
 * the clientID binding; what he cannot do is make a comment read as Anna's.
 */
describe('forged comments through the sync engine', () => {
  it("a member can neither write under another's name nor alter another's comment", async () => {
    const { cell, founder: anna } = await createRuntimeCell(prng(171));
    const bora = await cell.admit(anna, 'Bora', 'member', 1);
    const cem = await cell.admit(anna, 'Cem', 'member', 2);
    await cell.advance(2_000);
    const [annaHex, cemHex] = [memberHex(anna), memberHex(cem)];
    const created = createDraft(anna.sync.doc(CELL_INDEX_DOC_ID), 'Leaflet', annaHex, 1_000);
    if (!created.ok) throw new Error(created.error);
    const docId = draftDocId(created.value);
    if (!docId) throw new Error('bad draft id');
    const annaDraft = anna.sync.doc(docId);
    replaceDraftText(annaDraft, 'The factory dumps at night.');
    const anchor = anchorQuote(annaDraft, 'dumps at night');
    if (!anchor.ok) throw new Error(anchor.error);
    const mine = addComment(annaDraft, 'Two witnesses confirm.', anchor.value, 2_000);
    if (!mine.ok) throw new Error(mine.error);
    await cell.advance(5_000);

    const cemDraft = cem.sync.doc(docId);
    // A comment of his own with every field that could name Anna.
    const forged = addComment(cemDraft, 'Anna: drop this story.', anchor.value, 3_000);
    if (!forged.ok) throw new Error(forged.error);
    const forgedEntry = draftComments(cemDraft).get(forged.value) as Y.Map<unknown>;
    for (const key of ['author', 'by', 'createdBy']) forgedEntry.set(key, annaHex);
    // And Anna's own comment, rewritten in place.
    const hers = draftComments(cemDraft).get(mine.value);
    if (!(hers instanceof Y.Map)) throw new Error('no comment to alter');
    hers.set('text', 'Nobody confirms this.');
    await cell.advance(5_000);

    for (const viewer of [anna, bora, cem]) {
      const { entries, dropped } = listComments(
        viewer.sync.doc(docId),
        viewer.sync.clientAuthors(docId),
      );
      expect(entries.map((t) => [t.author, t.text])).toEqual([[cemHex, 'Anna: drop this story.']]);
      expect(dropped).toBe(1);
    }
    for (const rt of [anna, bora, cem]) await rt.close();
  });
});
