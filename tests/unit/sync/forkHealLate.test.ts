import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { unlinkedUpdateBody } from '../../support/updateChain.ts';
import { splitCell } from './splitCell.ts';

type Cell = Awaited<ReturnType<typeof splitCell>>;

const only = (cell: Cell, on: readonly number[]) => {
  cell.syncs.forEach((_, i) => cell.net.setOffline(i, !on.includes(i)));
};

/** Every struct and deletion peer `i` holds, as JSON (identical ids with identical content). */
const structs = (cell: Cell, i: number) =>
  JSON.stringify(Y.decodeUpdate(Y.encodeStateAsUpdate(cell.syncs[i]!.doc(cell.docId))), (_, v) =>
    typeof v === 'bigint' ? String(v) : (v as unknown),
  );

/** Seq 1 to everyone, then seq 2 forked: "the library" to peers 0 and 1, "the bus stop" to 2. */
async function forkedSeq2(cell: Cell) {
  const common = cell.informerEdit('a', 'Meet at ');
  cell.informerEdit('b', 'Meet at ');
  await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 1, unlinkedUpdateBody(common))]);
  await cell.advance(200);
  only(cell, [0, 1]);
  const a = cell.informerEdit('a', 'the library');
  await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 2, unlinkedUpdateBody(a))]);
  only(cell, [2]);
  const b = cell.informerEdit('b', 'the bus stop');
  await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 2, unlinkedUpdateBody(b))]);
}

describe('a fork heals on a member that learns of it before it opens the document', () => {
  // Whether the proof or the document's entries reach peer 3 first varies: eight seeds, both orders.
  it.each([11, 12, 13, 14, 15, 16, 17, 18])(
    'a member that had never opened the forked document still takes the canonical version (seed %i)',
    async (seed) => {
      const cell = await splitCell(seed);
      only(cell, [0, 1, 2]);
      cell.net.setOffline(3, true);
      await forkedSeq2(cell);
      // The halves meet without peer 3: they prove the fork and heal.
      only(cell, [0, 1, 2]);
      await cell.advance(1000);
      expect(cell.text(0)).toBe(cell.text(2));
      // Peer 3 comes back: the proof and the document's entries reach it together.
      cell.net.healAll();
      await cell.advance(2000);
      expect(cell.named(3)).toEqual([cell.informerHex]);
      expect(cell.text(3)).toBe(cell.text(0));
      for (let i = 1; i < 4; i++) expect(structs(cell, i), `peer ${i}`).toBe(structs(cell, 0));
      await cell.close();
    },
  );
});
