import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { acceptSuggestion } from '../../../shared/cell/acceptSuggestion.ts';
import { xmlTextString } from '../../../shared/cell/bodyTexts.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { findSuggestions } from '../../../shared/cell/findSuggestions.ts';
import { rejectSuggestion } from '../../../shared/cell/rejectSuggestion.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { prng, randInt } from '../../support/prng.ts';
import { authorsOf, firstText } from '../../unit/cell/cellFixture.ts';
import { sid, suggestDelete, suggestInsert } from '../../unit/cell/suggestionFixture.ts';

const SEEDS = Number(process.env.QUIRE_SIM_SEEDS ?? 200);
/** The original text: capitals, each once, so every original character can be followed. */
const ORIGINAL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MEMBERS = ['a1', 'b2', 'c3'].map((byte) => byte.repeat(32));

/** One peer: its doc and the updates it made that each other peer has not received yet. */
interface Peer {
  readonly doc: Y.Doc;
  readonly outbox: Uint8Array[][];
}

const shuffle = <T>(rand: () => number, list: T[]): T[] => {
  for (let i = list.length - 1; i > 0; i--) {
    const j = randInt(rand, i + 1);
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
};

/** Delivers what `from` has for `to`, its updates in a random order (Yjs holds what comes early). */
function deliver(rand: () => number, peers: readonly Peer[], from: number, to: number): void {
  const sender = peers[from];
  const receiver = peers[to];
  if (!sender || !receiver || from === to) return;
  const pending = sender.outbox[to] ?? [];
  sender.outbox[to] = [];
  for (const update of shuffle(rand, pending)) Y.applyUpdate(receiver.doc, update, 'remote');
}

/**
 * Three members suggest insertions and deletions, type ordinary text, and accept or reject what
 * they see, their updates reaching each other late and out of order.
 */
function check(seed: number): void {
  const rand = prng(seed);
  const peers: Peer[] = [0, 1, 2].map((i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    return { doc, outbox: [[], [], []] };
  });
  const docs = peers.map((peer) => peer.doc);
  const [first] = docs;
  if (!first) throw new Error('no peers');
  replaceDraftText(first, ORIGINAL);
  for (const doc of docs) Y.applyUpdate(doc, Y.encodeStateAsUpdate(first), 'remote');
  peers.forEach((peer, i) =>
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      for (let to = 0; to < 3; to++) if (to !== i) peer.outbox[to]?.push(update);
    }),
  );
  const authors = authorsOf(...docs.map((doc, i) => [doc, MEMBERS[i] ?? ''] as const));
  // Capitals someone proposed to delete: the only original text allowed to go.
  const proposed = new Set<string>();
  let ids = 0;
  for (let step = 0; step < 30; step++) {
    const who = randInt(rand, 3);
    const doc = docs[who] ?? first;
    const text = firstText(doc);
    const roll = rand();
    if (roll < 0.3) {
      // Lower case for suggestions, digits for plain typing: told apart from the original.
      const word = 'xyz'.slice(0, 1 + randInt(rand, 3));
      suggestInsert(text, randInt(rand, text.length + 1), word, sid(++ids));
    } else if (roll < 0.55 && text.length > 0) {
      const at = randInt(rand, text.length);
      const length = 1 + randInt(rand, Math.min(3, text.length - at));
      for (const c of xmlTextString(text).slice(at, at + length)) proposed.add(c);
      suggestDelete(text, at, length, sid(++ids));
    } else if (roll < 0.65) {
      text.insert(randInt(rand, text.length + 1), String(randInt(rand, 10)));
    } else {
      const open = findSuggestions(draftBody(doc), authors);
      const chosen = open[randInt(rand, open.length)];
      if (chosen)
        (rand() < 0.5 ? acceptSuggestion : rejectSuggestion)(draftBody(doc), chosen, authors);
    }
    if (rand() < 0.4) deliver(rand, peers, randInt(rand, 3), randInt(rand, 3));
  }
  const everyone = (): void => {
    for (let from = 0; from < 3; from++)
      for (let to = 0; to < 3; to++) deliver(rand, peers, from, to);
  };
  everyone();
  const where = `seed ${seed} (reproduce: QUIRE_SIM_SEED=${seed})`;
  const texts = docs.map((doc) => xmlTextString(firstText(doc)));
  const open = docs.map((doc) =>
    findSuggestions(draftBody(doc), authors).map(({ kind, id, author, text }) => ({
      kind,
      id,
      author,
      text,
    })),
  );
  for (let i = 1; i < 3; i++) {
    expect(texts[i], `${where}: peers disagree on the text`).toBe(texts[0]);
    expect(open[i], `${where}: peers disagree on the open suggestions`).toEqual(open[0]);
  }
  // No original capital is lost unless someone proposed deleting it.
  for (const c of ORIGINAL) {
    if (!proposed.has(c)) expect(texts[0], `${where}: lost ${c}`).toContain(c);
  }
  // Settling whatever is left, on one peer, leaves every peer with the same plain text.
  const settler = docs[randInt(rand, 3)] ?? first;
  (rand() < 0.5 ? acceptSuggestion : rejectSuggestion)(draftBody(settler), 'all', authors);
  everyone();
  const settled = docs.map((doc) => xmlTextString(firstText(doc)));
  for (const doc of docs) expect(findSuggestions(draftBody(doc), authors), where).toEqual([]);
  for (const text of settled)
    expect(text, `${where}: peers disagree once settled`).toBe(settled[0]);
  for (const c of ORIGINAL) {
    if (!proposed.has(c)) expect(settled[0], `${where}: lost ${c} settling`).toContain(c);
  }
}

describe('suggestions from three members under random orders (seeded)', () => {
  const only = process.env.QUIRE_SIM_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: SEEDS }, (_, i) => i + 1);
  it(`${seeds.length} seeds: every peer converges to the same text and open suggestions`, () => {
    for (const seed of seeds) check(seed);
  });
});
