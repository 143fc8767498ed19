import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { changesSince, hasChanges, type ChangeRun } from '../../../shared/seen/changesSince.ts';
import {
  decodeSeenState,
  encodeSeenState,
  seenNow,
  withOwnEdits,
  type SeenState,
} from '../../../shared/seen/SeenState.ts';
import { prng, randInt } from '../../support/prng.ts';
import { A, addParagraph, B, paragraphText, plain, twoReplicas } from './seenFixture.ts';

const isA = (author: string | undefined): boolean => author === A;

function setup(...paragraphs: string[]): ReturnType<typeof twoReplicas> & { seen: SeenState } {
  const r = twoReplicas();
  for (const p of paragraphs) addParagraph(r.b, p);
  r.sync();
  return { ...r, seen: seenNow(r.a, draftBody(r.a)) };
}

/** A's view: what others changed since `seen`, with her own deletions folded in. */
function changesForA(
  r: ReturnType<typeof twoReplicas>,
  seen: SeenState,
): ReturnType<typeof changesSince> {
  const own = withOwnEdits(seen, r.ownEdits());
  return changesSince(draftBody(r.a), own, r.authors, isA);
}

const runsOf = (c: ReturnType<typeof changesSince>, i = 0): readonly ChangeRun[] =>
  c.texts[i]?.runs ?? [];

describe('changesSince', () => {
  it('nothing changed right after seeing: no marks, no flag', () => {
    const r = setup('The police arrived at noon.');
    expect(hasChanges(changesForA(r, r.seen))).toBe(false);
  });

  it("marks another member's insertion, attributed to its verified author", () => {
    const r = setup('The police arrived at noon.');
    paragraphText(r.b, 0).insert(4, 'riot ');
    r.sync();
    const c = changesForA(r, r.seen);
    expect(runsOf(c)).toEqual([
      { kind: 'same', length: 4 },
      { kind: 'inserted', length: 5, author: B },
      { kind: 'same', length: 23 },
    ]);
    expect(c.insertedCharacters).toBe(5);
    expect([...c.authors]).toEqual([B]);
  });

  it('never marks her own insertions or deletions, even concurrent with others', () => {
    const r = setup('The police arrived at noon.');
    paragraphText(r.a, 0).insert(0, 'Today: ');
    paragraphText(r.a, 0).delete(paragraphText(r.a, 0).length - 6, 5); // "noon."
    paragraphText(r.b, 0).insert(paragraphText(r.b, 0).length, ' Ten were held.');
    r.sync();
    const c = changesForA(r, r.seen);
    expect(plain(paragraphText(r.a, 0))).toBe('Today: The police arrived at. Ten were held.');
    expect(c.deletedCharacters).toBe(0);
    expect(c.insertedCharacters).toBe(' Ten were held.'.length);
    expect(runsOf(c).filter((run) => run.kind !== 'same')).toEqual([
      { kind: 'inserted', length: 15, author: B },
    ]);
  });

  it("shows another member's deletion of what she had seen, where it was, with its size", () => {
    const r = setup('The police arrived at noon.');
    paragraphText(r.b, 0).delete(4, 7); // "police "
    r.sync();
    expect(runsOf(changesForA(r, r.seen))).toEqual([
      { kind: 'same', length: 4 },
      { kind: 'deleted', characters: 7 },
      { kind: 'same', length: 16 },
    ]);
  });

  it('shows a deletion by someone else of text she wrote after she last looked', () => {
    const r = setup('Seen.');
    paragraphText(r.a, 0).insert(5, ' Mine, new.');
    r.sync();
    paragraphText(r.b, 0).delete(5, 6); // " Mine,"
    r.sync();
    const c = changesForA(r, r.seen);
    expect(c.deletedCharacters).toBe(6);
    expect(c.insertedCharacters).toBe(0);
  });

  it('does not mistake a change of formatting for a deletion (collected format items)', () => {
    const r = setup('Bold words here.');
    paragraphText(r.b, 0).format(0, 4, { bold: true });
    r.sync();
    const mid = seenNow(r.a, draftBody(r.a));
    paragraphText(r.b, 0).format(0, 4, { bold: null });
    paragraphText(r.a, 0).format(5, 5, { italic: true });
    r.sync();
    paragraphText(r.b, 0).format(5, 5, { italic: null }); // removes A's own new format items
    r.sync();
    expect(hasChanges(changesForA(r, mid))).toBe(false);
  });

  it('reports a paragraph deleted whole, at its place, and an inserted paragraph as text', () => {
    const r = setup('One.', 'Two.', 'Three.');
    draftBody(r.b).delete(1, 1);
    addParagraph(r.b, 'Four.');
    r.sync();
    const c = changesForA(r, r.seen);
    expect(c.removedBlocks).toHaveLength(1);
    expect(c.removedBlocks[0]?.index).toBe(1);
    expect(c.texts).toHaveLength(1);
    expect(runsOf(c)).toEqual([{ kind: 'inserted', length: 5, author: B }]);
  });

  it('marks insertions of a clientID with no verified author as unattributed, never as hers', () => {
    const r = setup('Text.');
    const stranger = new Y.Doc({ gc: true });
    stranger.clientID = 303;
    Y.applyUpdate(stranger, Y.encodeStateAsUpdate(r.a));
    paragraphText(stranger, 0).insert(0, 'X');
    Y.applyUpdate(r.a, Y.encodeStateAsUpdate(stranger, Y.encodeStateVector(r.a)));
    expect(runsOf(changesForA(r, r.seen))[0]).toEqual({
      kind: 'inserted',
      length: 1,
      author: undefined,
    });
  });

  it('after a restart (the stored state decoded) says exactly what it said before', () => {
    const r = setup('The police arrived at noon.', 'Second.');
    paragraphText(r.b, 0).insert(0, 'Breaking: ');
    paragraphText(r.b, 1).delete(0, 3);
    paragraphText(r.a, 0).delete(4, 3);
    r.sync();
    const own = withOwnEdits(r.seen, r.ownEdits());
    const again = decodeSeenState(encodeSeenState(own));
    expect(again).toBeDefined();
    const before = changesSince(draftBody(r.a), own, r.authors, isA);
    const after = changesSince(draftBody(r.a), again!, r.authors, isA);
    expect(after.texts.map((t) => t.runs)).toEqual(before.texts.map((t) => t.runs));
    expect(after.deletedCharacters).toBe(3);
    expect(after.insertedCharacters).toBe(10);
  });

  it('refuses malformed stored states instead of throwing', () => {
    const good = encodeSeenState(setup('x').seen);
    expect(decodeSeenState(new Uint8Array(0))).toBeUndefined();
    expect(decodeSeenState(good.subarray(0, good.length - 1))).toBeUndefined();
    expect(decodeSeenState(new Uint8Array([...good, 0]))).toBeUndefined();
    expect(decodeSeenState(new Uint8Array([2, ...good.subarray(1)]))).toBeUndefined();
    expect(decodeSeenState(new Uint8Array(9).fill(0xff))).toBeUndefined();
    expect(decodeSeenState(new Uint8Array(8 * 1024 * 1024 + 1))).toBeUndefined();
  });
});

/**
 * Seeded: A and B edit three paragraphs concurrently (insert, delete, format), syncing at random,
 * with A's stored state reloaded midway. Every character A had seen or wrote is unique and B's
 * new ones are 'X', so the expected answer is read off the texts: every 'X' and nothing else is
 * marked inserted, and the deleted count is the characters A knew that are gone and she did not
 * delete herself.
 */
describe('changesSince, seeded concurrent edits', () => {
  const SEEDS = 200;
  for (let seed = 1; seed <= SEEDS; seed++) {
    it(`seed ${seed}`, () => {
      const rand = prng(seed);
      let next = 0x4e00;
      const fresh = (n: number): string =>
        Array.from({ length: n }, () => String.fromCharCode(next++)).join('');
      let mine = 0xac00;
      const own = (n: number): string =>
        Array.from({ length: n }, () => String.fromCharCode(mine++)).join('');
      const r = twoReplicas();
      for (let p = 0; p < 3; p++) addParagraph(r.b, fresh(5 + randInt(rand, 20)));
      r.sync();
      const seenChars = new Set([0, 1, 2].flatMap((p) => [...plain(paragraphText(r.a, p))]));
      let seen = seenNow(r.a, draftBody(r.a));
      const deletedByA = new Set<string>();
      for (let step = 0; step < 40; step++) {
        const actor = rand() < 0.5 ? r.a : r.b;
        const text = paragraphText(actor, randInt(rand, 3));
        const len = text.length;
        const op = randInt(rand, 10);
        if (op < 4) {
          const n = 1 + randInt(rand, 4);
          // Hers are unique and known to her (a deletion of them by B counts); B's are all 'X'.
          const ins = actor === r.a ? own(n) : 'X'.repeat(n);
          if (actor === r.a) for (const ch of ins) seenChars.add(ch);
          text.insert(randInt(rand, len + 1), ins);
        } else if (op < 7 && len > 0) {
          const at = randInt(rand, len);
          const n = 1 + randInt(rand, Math.min(4, len - at));
          if (actor === r.a) for (const ch of plain(text).slice(at, at + n)) deletedByA.add(ch);
          text.delete(at, n);
        } else if (len > 0) {
          const at = randInt(rand, len);
          const attr = rand() < 0.5 ? 'bold' : 'italic';
          text.format(at, 1 + randInt(rand, len - at), { [attr]: rand() < 0.6 ? true : null });
        }
        if (rand() < 0.3) r.sync();
        if (step === 20) {
          // A restart: the state as stored (with her edits so far), decoded again.
          const own = withOwnEdits(seen, r.ownEdits());
          seen = decodeSeenState(encodeSeenState(own))!;
        }
      }
      r.sync();
      const c = changesForA(r, seen);
      const now = [0, 1, 2].map((p) => plain(paragraphText(r.a, p)));
      const present = new Set(now.flatMap((t) => [...t]));
      const expectedDeleted = [...seenChars].filter(
        (ch) => !present.has(ch) && !deletedByA.has(ch),
      );
      expect(c.deletedCharacters, `seed ${seed}`).toBe(expectedDeleted.length);
      const xs = now
        .join('')
        .split('')
        .filter((ch) => ch === 'X').length;
      expect(c.insertedCharacters, `seed ${seed}`).toBe(xs);
      for (const { text, runs } of c.texts) {
        let at = 0;
        const s = plain(text);
        for (const run of runs) {
          if (run.kind === 'deleted') continue;
          const piece = s.slice(at, at + run.length);
          at += run.length;
          if (run.kind === 'inserted') {
            expect(piece, `seed ${seed}`).toMatch(/^X+$/);
            expect(run.author).toBe(B);
          } else expect(piece.includes('X'), `seed ${seed}`).toBe(false);
        }
        expect(at).toBe(s.length);
      }
    });
  }
});
