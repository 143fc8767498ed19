import { describe, expect, it } from 'vitest';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { findSuggestions } from '../../../shared/cell/findSuggestions.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { prng } from '../../support/prng.ts';
import { createRuntimeCell, memberHex } from '../runtime/runtimeCell.ts';
import { firstText } from './cellFixture.ts';
import { sid, suggestDelete, suggestInsert } from './suggestionFixture.ts';

/**
 * Issue 17's forged-field check for suggestions, through the real sync engine: Cem holds valid
 * keys and writes under his own clientIDs, so his updates pass the clientID binding; his marks'
 * attributes name Anna. Every member still sees the suggestions as Cem's.
 */
describe('forged suggestions through the sync engine', () => {
  it("a suggestion mark naming another member reads as its real writer's", async () => {
    const { cell, founder: anna } = await createRuntimeCell(prng(172));
    const bora = await cell.admit(anna, 'Bora', 'member', 1);
    const cem = await cell.admit(anna, 'Cem', 'member', 2);
    await cell.advance(2_000);
    const [annaHex, boraHex, cemHex] = [memberHex(anna), memberHex(bora), memberHex(cem)];
    const created = createDraft(anna.sync.doc(CELL_INDEX_DOC_ID), 'Leaflet', annaHex, 1_000);
    if (!created.ok) throw new Error(created.error);
    const docId = draftDocId(created.value);
    if (!docId) throw new Error('bad draft id');
    replaceDraftText(anna.sync.doc(docId), 'The factory dumps at night.');
    await cell.advance(5_000);

    const forged = { author: annaHex, by: annaHex, createdBy: annaHex, user: 'Anna' };
    const cemText = firstText(cem.sync.doc(docId));
    suggestInsert(cemText, 12, 'never ', sid(7), forged);
    suggestDelete(cemText, 23, 9, sid(8), forged); // ' at night'
    // Bora proposes one of her own, under the same id as Cem's deletion.
    suggestInsert(firstText(bora.sync.doc(docId)), 0, 'Rumour: ', sid(8));
    await cell.advance(5_000);

    for (const viewer of [anna, bora, cem]) {
      const found = findSuggestions(
        draftBody(viewer.sync.doc(docId)),
        viewer.sync.clientAuthors(docId),
      );
      expect(found.map((s) => [s.kind, s.author, s.text])).toEqual([
        ['insert', boraHex, 'Rumour: '],
        ['insert', cemHex, 'never '],
        ['delete', cemHex, ' at night'],
      ]);
    }
    for (const rt of [anna, bora, cem]) await rt.close();
  });
});
