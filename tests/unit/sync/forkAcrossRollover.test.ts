import { describe, expect, it } from 'vitest';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { unlinkedUpdateBody } from '../../support/updateChain.ts';
import { prng, randInt } from '../../support/prng.ts';
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

  it('an honest member who restarts between edits continues its own chain (nobody is flagged)', async () => {
    const cell = await splitCell(5);
    for (let round = 0; round < 3; round++) {
      cell.syncs[0]!.doc(cell.docId).getText('t').insert(0, `edit ${round} `);
      await cell.syncs[0]!.flush();
      await cell.advance(500);
      await cell.restart(0);
      await cell.advance(500);
    }
    await cell.syncs[1]!.rollover();
    await cell.advance(3000);
    cell.syncs[0]!.doc(cell.docId).getText('t').insert(0, 'after ');
    await cell.advance(2000);
    for (let i = 0; i < 4; i++) {
      expect(cell.text(i)).toBe('after edit 2 edit 1 edit 0 ');
      expect(cell.syncs[i]!.diagnostics.equivocators.size).toBe(0);
      expect(cell.syncs[i]!.diagnostics.rejected.size).toBe(0);
    }
    await cell.close();
  });

  /**
   * Seeded variations: 5 honest members split at random into two halves; the informer's fork at
   * seq 2; in half A it may write one more update (seq 3, chained onto A's version), so the heads
   * meet one seq apart (a chain-link fork); each half rolls over once or twice, a random member
   * of each half may restart after its rollover; then everyone meets.
   */
  for (let seed = 10; seed < 30; seed++) {
    it(`every honest member names the informer (seeded variation ${seed})`, async () => {
      const rand = prng(seed);
      const cell = await splitCell(seed, 5);
      const order = [0, 1, 2, 3, 4].sort(() => rand() - 0.5);
      const cut = 1 + randInt(rand, 4);
      const a = order.slice(0, cut);
      const b = order.slice(cut);
      cell.informerEdit('b', 'Meet at ');
      const common = cell.informerEdit('a', 'Meet at ');
      await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 1, body(common))]);
      await cell.advance(200);
      only(cell, b);
      const bus = cell.sealBy(ENVELOPE_KIND.update, 2, body(cell.informerEdit('b', 'the bus')));
      await cell.informerPosts([bus]);
      only(cell, a);
      const lib = cell.sealBy(ENVELOPE_KIND.update, 2, body(cell.informerEdit('a', 'the library')));
      const extra = rand() < 0.5;
      const more = extra
        ? [cell.sealBy(ENVELOPE_KIND.update, 3, body(cell.informerEdit('a', ' at noon')))]
        : [];
      await cell.informerPosts([lib, ...more]);
      for (const half of [a, b]) {
        only(cell, half);
        const rollovers = 1 + randInt(rand, 2);
        for (let r = 0; r < rollovers; r++) {
          await cell.syncs[half[randInt(rand, half.length)]!]!.rollover();
          await cell.advance(3000);
        }
        if (rand() < 0.5) await cell.restart(half[randInt(rand, half.length)]!);
        await cell.advance(200);
      }
      cell.net.healAll();
      await cell.advance(3000);
      for (let i = 0; i < 5; i++)
        expect(
          cell.named(i),
          `peer ${i} seed ${seed} halves ${a.join()}|${b.join()} extra ${extra}`,
        ).toEqual([cell.informerHex]);
      await cell.close();
    });
  }
});
