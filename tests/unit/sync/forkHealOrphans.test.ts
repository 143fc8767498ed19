import { describe, expect, it } from 'vitest';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { unlinkedUpdateBody } from '../../support/updateChain.ts';
import { splitCell } from './splitCell.ts';

type Cell = Awaited<ReturnType<typeof splitCell>>;

const only = (cell: Cell, on: readonly number[]) => {
  cell.syncs.forEach((_, i) => cell.net.setOffline(i, !on.includes(i)));
};

async function type(cell: Cell, i: number, index: number, text: string) {
  cell.syncs[i]!.doc(cell.docId).getText('t').insert(index, text);
  await cell.syncs[i]!.flush();
}

/**
 * Issue 14 item 1, healing without losing honest words: each half types right after its own
 * version of the forked seq ("the library" / "the bus station"). After the rebuild, the words
 * typed after the longer version's end were anchored on clocks the shorter (canonical) version
 * does not write: before, they waited invisibly and were dropped; now every other version's
 * structs past the canonical's end are kept, deleted, so those words stay, on every member.
 */
describe('a healed fork keeps honest words typed right after the version that lost', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}`, async () => {
      const cell = await splitCell(seed);
      cell.informerEdit('b', 'Meet at ');
      const common = cell.informerEdit('a', 'Meet at ');
      await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 1, unlinkedUpdateBody(common))]);
      await cell.advance(200);
      only(cell, [0, 1]);
      const lib = cell.informerEdit('a', 'the library');
      await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 2, unlinkedUpdateBody(lib))]);
      only(cell, [2, 3]);
      const bus = cell.informerEdit('b', 'the bus station');
      await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 2, unlinkedUpdateBody(bus))]);
      only(cell, [0, 1]);
      await type(cell, 0, 'Meet at the library'.length, ' [first half]');
      await cell.advance(300);
      only(cell, [2, 3]);
      await type(cell, 2, 'Meet at the bus station'.length, ' [second half]');
      await cell.advance(300);
      cell.net.healAll();
      await cell.advance(1500);
      const text = cell.text(0);
      for (const words of [' [first half]', ' [second half]'])
        expect(text, `seed ${seed}`).toContain(words);
      for (let i = 1; i < 4; i++) expect(cell.text(i), `peer ${i} seed ${seed}`).toBe(text);
      await cell.close();
    });
  }
});
