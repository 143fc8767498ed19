import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { unlinkedUpdateBody } from '../../support/updateChain.ts';
import { splitCell } from './splitCell.ts';

type Cell = Awaited<ReturnType<typeof splitCell>>;

const body = (update: Uint8Array) => unlinkedUpdateBody(update);

const only = (cell: Cell, on: readonly number[]) => {
  cell.syncs.forEach((_, i) => cell.net.setOffline(i, !on.includes(i)));
};

/** Peer `i` types `text` at `index` of the shared text. */
async function type(cell: Cell, i: number, index: number, text: string) {
  cell.syncs[i]!.doc(cell.docId).getText('t').insert(index, text);
  await cell.syncs[i]!.flush();
}

/** Every struct and deletion peer `i` holds, as JSON (identical ids with identical content). */
const structs = (cell: Cell, i: number) =>
  JSON.stringify(Y.decodeUpdate(Y.encodeStateAsUpdate(cell.syncs[i]!.doc(cell.docId))), (_, v) =>
    typeof v === 'bigint' ? String(v) : (v as unknown),
  );

/**
 * Issue 14 item 1, healing: the informer forks seq 2 of a text that honest members edit around,
 * before and after the fork; once the proof has reached everyone, every honest member holds the
 * same text (one canonical version of the forked seq) and every honest edit.
 */
async function forkedText(seed: number) {
  const cell = await splitCell(seed);
  cell.informerEdit('b', 'Meet at ');
  const common = cell.informerEdit('a', 'Meet at ');
  await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 1, body(common))]);
  await cell.advance(200);
  await type(cell, 1, 0, 'Plan: ');
  await cell.advance(200);
  only(cell, [0, 1]);
  const lib = cell.sealBy(ENVELOPE_KIND.update, 2, body(cell.informerEdit('a', 'the library')));
  await cell.informerPosts([lib]);
  only(cell, [2, 3]);
  const bus = cell.sealBy(ENVELOPE_KIND.update, 2, body(cell.informerEdit('b', 'the bus station')));
  await cell.informerPosts([bus]);
  // Each half edits around its version: before it (inside the common part) and at the start.
  only(cell, [0, 1]);
  await type(cell, 0, 0, 'Today. ');
  await cell.advance(300);
  only(cell, [2, 3]);
  await type(cell, 3, 'Plan: Meet'.length, ' us');
  await cell.advance(300);
  return cell;
}

describe('a forked document heals: every honest member ends with the same text', () => {
  for (const seed of [1, 2, 3]) {
    it(`identical text and every honest edit after the proof spreads (seed ${seed})`, async () => {
      const cell = await forkedText(seed);
      expect(cell.text(0)).not.toBe(cell.text(2));
      cell.net.healAll();
      await cell.advance(1000);
      for (let i = 0; i < 4; i++) expect(cell.named(i)).toEqual([cell.informerHex]);
      // After the heal, honest members write on.
      await type(cell, 2, 0, 'Update: ');
      await cell.advance(500);
      const text = cell.text(0);
      expect(
        ['the library', 'the bus station'].some((v) => text.includes(v)),
        text,
      ).toBe(true);
      expect(text.includes('the library') && text.includes('bus station'), text).toBe(false);
      for (const edit of ['Update: ', 'Today. ', 'Plan: ', ' us']) expect(text).toContain(edit);
      for (let i = 1; i < 4; i++) {
        expect(cell.text(i), `peer ${i} seed ${seed}`).toBe(text);
        expect(structs(cell, i), `peer ${i} seed ${seed}`).toBe(structs(cell, 0));
      }
      await cell.close();
    });
  }

  it('stays healed across a restart and a rollover, and a late snapshot does not undo it', async () => {
    const cell = await forkedText(4);
    // Peer 3 rolls its half over before the halves meet: its snapshot carries the other version.
    only(cell, [2, 3]);
    await cell.syncs[3]!.rollover();
    await cell.advance(3000);
    cell.net.healAll();
    await cell.advance(1000);
    await cell.restart(1);
    await cell.advance(500);
    await cell.syncs[0]!.rollover();
    await cell.advance(3000);
    await type(cell, 1, 0, 'Later: ');
    await cell.advance(1000);
    await cell.restart(2);
    await cell.advance(1000);
    const text = cell.text(0);
    for (const edit of ['Later: ', 'Today. ', 'Plan: ', ' us']) expect(text).toContain(edit);
    for (let i = 1; i < 4; i++) {
      expect(cell.text(i), `peer ${i}`).toBe(text);
      expect(structs(cell, i), `peer ${i}`).toBe(structs(cell, 0));
    }
    await cell.close();
  });

  it('holders of the old doc are told, and typing into it still reaches everyone', async () => {
    const cell = await forkedText(5);
    const held = [0, 1, 2, 3].map((i) => cell.syncs[i]!.doc(cell.docId));
    const told: number[] = [];
    cell.syncs.forEach((s, i) => s.onDocReplaced(() => told.push(i)));
    cell.net.healAll();
    await cell.advance(1000);
    // Those holding the other version rebuilt (and those whose text changed otherwise too).
    const replaced = [0, 1, 2, 3].filter((i) => cell.syncs[i]!.doc(cell.docId) !== held[i]);
    expect(replaced.length).toBeGreaterThan(0);
    expect([...new Set(told)].sort()).toEqual(replaced);
    for (const i of replaced) expect(cell.syncs[i]!.diagnostics.forkHeals).toBeGreaterThan(0);
    // An editor still bound to the old doc types on: it goes out and lands everywhere.
    const stale = replaced[0]!;
    held[stale]!.getText('t').insert(0, 'Stale editor. ');
    await cell.syncs[stale]!.flush();
    await cell.advance(1000);
    for (let i = 0; i < 4; i++) {
      expect(cell.text(i)).toContain('Stale editor. ');
      expect(cell.text(i)).toBe(cell.text(0));
    }
    for (let i = 0; i < 4; i++)
      expect(cell.syncs[i]!.diagnostics.rejected.get('clientid_unclaimed')).toBeUndefined();
    await cell.close();
  });

  it("after a release, the informer's held write chained onto the canonical version applies everywhere", async () => {
    // A seed whose canonical version is the one sealed last ("the bus station"): the test's hash
    // chain links the informer's next update onto it.
    let cell: Cell | undefined;
    for (let seed = 6; !cell && seed < 20; seed++) {
      const c = await forkedText(seed);
      c.net.healAll();
      await c.advance(1000);
      if (c.text(0).includes('the bus station')) cell = c;
      else await c.close();
    }
    if (!cell) throw new Error('no seed with that canonical version');
    const later = cell.informerEdit('b', ' at noon');
    await cell.informerPosts([cell.sealBy(ENVELOPE_KIND.update, 3, body(later))]);
    await cell.advance(500);
    for (let i = 0; i < 4; i++) {
      expect(cell.text(i)).not.toContain('at noon');
      expect(cell.syncs[i]!.diagnostics.quarantined.size, `peer ${i}`).toBe(1);
    }
    expect(cell.syncs[0]!.releaseQuarantine(cell.informerHex, toHex(cell.docId))).toBe(1);
    await cell.advance(1000);
    const text = cell.text(0);
    expect(text).toContain('the bus station at noon');
    for (let i = 1; i < 4; i++) {
      expect(cell.text(i), `peer ${i}`).toBe(text);
      expect(structs(cell, i), `peer ${i}`).toBe(structs(cell, 0));
    }
    await cell.close();
  });
});
