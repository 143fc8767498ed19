import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshotOf } from '../../../shared/sync/Generations.ts';
import { decodeSnapshotBody } from '../../../shared/sync/snapshotBody.ts';
import { DocReplica } from '../../../shared/sync/DocReplica.ts';

const CANARY = 'CANARY-undo-keeps-the-depot-0913';
const bytesOf = (s: string) => new TextEncoder().encode(s);
const holds = (hay: Uint8Array, needle: Uint8Array): boolean =>
  Buffer.from(hay).includes(Buffer.from(needle));

/**
 * Issue 15 item 2, found by tests/e2e/horizonSeizure.spec.ts: the editor's undo manager marks
 * deleted Yjs items kept, so their content is never collected in the live document, and every
 * checkpoint and snapshot encoded from it carried text the member had deleted, past the history
 * horizon, under the current epoch's key.
 */
describe('checkpoints and snapshots hold no deleted text, whatever keeps it in the live doc', () => {
  const typedAndDeleted = (): DocReplica => {
    const replica = new DocReplica(new Uint8Array(16).fill(4));
    const text = replica.doc.getText('t');
    // What TipTap's Collaboration extension does: an UndoManager over the shared type.
    const undo = new Y.UndoManager(text);
    text.insert(0, `kept. ${CANARY} `);
    undo.stopCapturing();
    text.delete(6, CANARY.length + 1);
    expect(text.toJSON()).toBe('kept. ');
    // The live doc still holds the deleted content (undo can bring it back): the premise.
    expect(holds(Y.encodeStateAsUpdate(replica.doc), bytesOf(CANARY))).toBe(true);
    return replica;
  };

  it('a checkpoint of a doc an undo manager watches holds no deleted text', () => {
    const cp = typedAndDeleted().checkpoint();
    expect(holds(cp.state, bytesOf(CANARY))).toBe(false);
    const back = new Y.Doc();
    Y.applyUpdate(back, cp.state);
    expect(back.getText('t').toJSON()).toBe('kept. ');
  });

  it('a snapshot body of it holds no deleted text', () => {
    const { body } = snapshotOf(typedAndDeleted(), '00'.repeat(32));
    const decoded = decodeSnapshotBody(body);
    expect(decoded.ok).toBe(true);
    expect(holds(body, bytesOf(CANARY))).toBe(false);
  });
});
