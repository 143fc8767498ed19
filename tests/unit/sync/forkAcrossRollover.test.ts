import { describe, expect, it } from 'vitest';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { unlinkedUpdateBody } from '../../support/updateChain.ts';
import { splitCell } from './splitCell.ts';

type Cell = Awaited<ReturnType<typeof splitCell>>;

const body = (update: Uint8Array) => unlinkedUpdateBody(update);

/** Peers `on` online, every other peer offline. */
const only = (cell: Cell, on: readonly number[]) => {
  cell.syncs.forEach((_, i) => cell.net.setOffline(i, !on.includes(i)));
};

/**
 * Issue 14 item 1: the informer signs two different updates under one seq and gives one to each
 * half of the cell; each half rolls over (only snapshots remain of that seq); then they meet.
 */
async function splitThenRollover(seed: number) {
  const cell = await splitCell(seed);
  const common = cell.informerEdit('a', 'Meet at ');
  cell.informerEdit('b', 'Meet at ');
  await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 1, body(common))]);
  await cell.advance(200);
  only(cell, [0, 1]);
  const library = cell.sealBy(ENVELOPE_KIND.update, 2, body(cell.informerEdit('a', 'the library')));
  await cell.informerPosts([library]);
  only(cell, [2, 3]);
  const bus = cell.sealBy(ENVELOPE_KIND.update, 2, body(cell.informerEdit('b', 'the bus stop')));
  await cell.informerPosts([bus]);
  await cell.syncs[2]!.rollover();
  await cell.advance(3000);
  only(cell, [0, 1]);
  await cell.syncs[0]!.rollover();
  await cell.advance(3000);
  return cell;
}

describe('a fork split across two halves of the cell cannot hide behind a rollover', () => {
  for (const seed of [1, 2, 3]) {
    it(`every honest member names the informer once the halves meet (seed ${seed})`, async () => {
      const cell = await splitThenRollover(seed);
      // Each half rolled over on its own: only snapshots hold seq 2 now, and each half is silent.
      for (let i = 0; i < 4; i++)
        expect(cell.syncs[i]!.status().generation, `seed ${seed}`).toBe(1);
      expect(cell.text(0)).toBe('Meet at the library');
      expect(cell.text(2)).toBe('Meet at the bus stop');
      for (let i = 0; i < 4; i++) expect(cell.named(i)).toEqual([]);
      cell.net.healAll();
      await cell.advance(500);
      for (let i = 0; i < 4; i++)
        expect(cell.named(i), `peer ${i} seed ${seed}`).toEqual([cell.informerHex]);
      await cell.close();
    });
  }

  it('the proof outlives further rollovers and a restart, and the informer stays held', async () => {
    const cell = await splitThenRollover(4);
    cell.net.healAll();
    await cell.advance(500);
    await cell.syncs[1]!.rollover();
    await cell.advance(3000);
    await cell.syncs[3]!.rollover();
    await cell.advance(3000);
    for (let i = 0; i < 4; i++) expect(cell.syncs[i]!.status().generation).toBe(3);
    await cell.restart(2);
    await cell.advance(500);
    expect(cell.named(2)).toEqual([cell.informerHex]);
    // The informer writes on: held by every member, the text stays as it was.
    const before = [0, 1, 2, 3].map((i) => cell.text(i));
    const more = cell.sealBy(ENVELOPE_KIND.update, 3, body(cell.informerEdit('a', ' (moved)')));
    await cell.informerPosts([more], 3);
    await cell.advance(500);
    expect([0, 1, 2, 3].map((i) => cell.text(i))).toEqual(before);
    for (let i = 0; i < 4; i++) expect(cell.syncs[i]!.diagnostics.quarantined.size).toBe(1);
    await cell.close();
  });
});
