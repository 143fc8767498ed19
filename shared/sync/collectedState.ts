import * as Y from 'yjs';

/**
 * `doc`'s state with every deleted item's content collected, whatever keeps it alive in `doc`
 * (the editor's undo manager marks deleted items kept, so undo can bring them back): what a
 * checkpoint or snapshot stores, so text a member deleted never outlives the generation or the
 * history horizon at rest. Same ids and lengths: peers merge it as any collected state.
 */
export function collectedState(doc: Y.Doc): Uint8Array {
  const scratch = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    return Y.encodeStateAsUpdate(scratch);
  } finally {
    scratch.destroy();
  }
}
