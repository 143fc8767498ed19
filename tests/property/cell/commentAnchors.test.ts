import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchoredText } from '../../../shared/cell/anchoredText.ts';
import { anchorQuote } from '../../../shared/cell/anchorQuote.ts';
import { xmlTextString } from '../../../shared/cell/bodyTexts.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { prng, randInt } from '../../support/prng.ts';
import { firstText } from '../../unit/cell/cellFixture.ts';

const SEEDS = Number(process.env.QUIRE_SIM_SEEDS ?? 200);
/** The original text: capitals, each once, so every original character can be followed. */
const ORIGINAL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Three peers edit one paragraph concurrently, meeting in random pairs now and then. */
function check(seed: number): void {
  const rand = prng(seed);
  const peers = [0, 1, 2].map((i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    return doc;
  });
  const [first] = peers;
  if (!first) throw new Error('no peers');
  replaceDraftText(first, ORIGINAL);
  for (const doc of peers) Y.applyUpdate(doc, Y.encodeStateAsUpdate(first));
  const from = randInt(rand, ORIGINAL.length - 1);
  const to = from + 1 + randInt(rand, ORIGINAL.length - from);
  const quote = ORIGINAL.slice(from, to);
  const made = anchorQuote(peers[randInt(rand, 3)] ?? first, quote);
  if (!made.ok) throw new Error(made.error);
  for (let step = 0; step < 30; step++) {
    const doc = peers[randInt(rand, 3)] ?? first;
    const text = firstText(doc);
    if (rand() < 0.6 || text.length === 0) {
      // Lower case only: inserted text is told apart from the original.
      text.insert(randInt(rand, text.length + 1), 'xyz'.slice(0, 1 + randInt(rand, 3)));
    } else {
      const at = randInt(rand, text.length);
      text.delete(at, 1 + randInt(rand, Math.min(3, text.length - at)));
    }
    if (rand() < 0.3) {
      const a = peers[randInt(rand, 3)] ?? first;
      const b = peers[randInt(rand, 3)] ?? first;
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    }
  }
  for (const a of peers) for (const b of peers) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const where = `seed ${seed} (reproduce: QUIRE_SIM_SEED=${seed})`;
  const spans = peers.map((doc) => anchoredText(doc, made.value));
  const final = xmlTextString(firstText(first));
  const survivors = (s: string): string => s.replace(/[^A-Z]/g, '');
  for (const span of spans) expect(span, `${where}: peers disagree`).toBe(spans[0]);
  // The span holds exactly the quoted capitals that survived, in order, and no other capital.
  expect(survivors(spans[0] ?? '?'), `${where}: span lost or gained original text`).toBe(
    [...quote].filter((c) => final.includes(c)).join(''),
  );
  // And it is one contiguous piece of the final text.
  expect(final.includes(spans[0] ?? '?'), `${where}: span not in the text`).toBe(true);
}

describe('comment anchors under random concurrent edits (seeded)', () => {
  const only = process.env.QUIRE_SIM_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: SEEDS }, (_, i) => i + 1);
  it(`${seeds.length} seeds: every peer sees the same span, holding what is left of the quote`, () => {
    for (const seed of seeds) check(seed);
  });
});
