import { describe, expect, it } from 'vitest';
import { addComment } from '../../../shared/cell/addComment.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { commentsDocId } from '../../../shared/cell/commentsDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { draftPlainText } from '../../../shared/cell/draftPlainText.ts';
import { findQuote } from '../../../shared/cell/findQuote.ts';
import { listComments } from '../../../shared/cell/listComments.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { RelayWorld } from '../cli/relayFixture.ts';

/** The comment texts `cell` shows on the draft, both documents read (listComments). */
function shown(cell: CellRuntime, draftId: string): string[] {
  const docId = draftDocId(draftId)!;
  const commentsId = commentsDocId(draftId)!;
  const comments = { doc: cell.sync.doc(commentsId), authors: cell.sync.clientAuthors(commentsId) };
  return listComments(cell.sync.doc(docId), cell.sync.clientAuthors(docId), comments)
    .entries.map((thread) => thread.text)
    .sort();
}

/** The reader comments on the draft's first words, in its comments document, as the app does. */
function readerComments(cell: CellRuntime, draftId: string, text: string): void {
  const commentsId = commentsDocId(draftId)!;
  const anchor = findQuote(cell.sync.doc(draftDocId(draftId)!), 'The plant');
  if (!anchor) throw new Error('no anchor');
  // As a reader: into her own root of the comments document, the only place she may write.
  const writer = {
    authors: cell.sync.clientAuthors(commentsId),
    member: toHex(cell.me.signPk),
    reader: true,
  };
  const added = addComment(cell.sync.doc(commentsId), text, anchor, 1, writer);
  if (!added.ok) throw new Error(added.error);
}

describe('issue 17: readers comment where the coordinators let them (three runtimes)', () => {
  it(
    'refuses a reader’s comments until granted, then every peer shows them; turning it off stops them at the next key, keeping earlier ones; a reader never edits the body',
    { timeout: 60_000 },
    async () => {
      const { world, a } = await RelayWorld.create();
      const rita = await world.openMember(await world.admit(a, 'Rita', 'reader'), 1);
      const boris = await world.openMember(await world.admit(a, 'Boris', 'member'), 2);
      await world.advance(2_000);
      const made = createDraft(a.sync.doc(CELL_INDEX_DOC_ID), 'Issue 12', toHex(a.me.signPk), 1);
      if (!made.ok) throw new Error(made.error);
      const draftId = made.value;
      replaceDraftText(a.sync.doc(draftDocId(draftId)!), 'The plant closes on Friday.');
      await world.advance(2_000);
      expect(draftPlainText(rita.sync.doc(draftDocId(draftId)!))).toContain('The plant closes');

      // Off by default: the reader's comment stays on her device alone.
      expect(rita.readerComments.allowedNow()).toBe(false);
      readerComments(rita, draftId, 'Source?');
      await world.advance(2_000);
      expect(shown(a, draftId)).toEqual([]);
      expect(shown(boris, draftId)).toEqual([]);

      // A coordinator lets readers comment: the comment refused before is reconsidered.
      a.readerComments.set(true);
      await world.advance(2_000);
      expect(rita.readerComments.allowedNow()).toBe(true);
      expect(shown(a, draftId)).toEqual(['Source?']);
      expect(shown(boris, draftId)).toEqual(['Source?']);

      // Whatever the policy, her edit of the body is refused by every peer.
      replaceDraftText(rita.sync.doc(draftDocId(draftId)!), 'The plant stays open.');
      await world.advance(2_000);
      expect(draftPlainText(a.sync.doc(draftDocId(draftId)!))).toBe('The plant closes on Friday.');
      expect(draftPlainText(boris.sync.doc(draftDocId(draftId)!))).toBe(
        'The plant closes on Friday.',
      );

      // While the choice is on, a new epoch is granted too (the coordinator renews it).
      const rotated = await a.rotateKey();
      expect(rotated.ok).toBe(true);
      await world.advance(5_000);
      expect(rita.sync.status().epoch).toBe(1);
      expect(rita.readerComments.allowedNow()).toBe(true);
      readerComments(rita, draftId, 'Who said so?');
      await world.advance(2_000);
      expect(shown(boris, draftId)).toEqual(['Source?', 'Who said so?']);

      // Turned off: from the next key on her comments are refused; the earlier ones stay.
      a.readerComments.set(false);
      await a.rotateKey();
      await world.advance(5_000);
      expect(rita.sync.status().epoch).toBe(2);
      expect(rita.readerComments.allowedNow()).toBe(false);
      readerComments(rita, draftId, 'Spam');
      await world.advance(2_000);
      expect(shown(a, draftId)).toEqual(['Source?', 'Who said so?']);
      expect(shown(boris, draftId)).toEqual(['Source?', 'Who said so?']);
      expect(a.sync.diagnostics.rejected.get('not_writer') ?? 0).toBeGreaterThan(0);
      await Promise.all([a.close(), rita.close(), boris.close()]);
    },
  );
});
