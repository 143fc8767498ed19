import { afterEach, describe, expect, it, vi } from 'vitest';
import { addComment } from '../../../shared/cell/addComment.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { commentMaps } from '../../../shared/cell/commentMaps.ts';
import { commentsDocId } from '../../../shared/cell/commentsDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { findQuote } from '../../../shared/cell/findQuote.ts';
import { listComments } from '../../../shared/cell/listComments.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { prng, randInt } from '../../support/prng.ts';
import { RelayWorld } from '../../unit/cli/relayFixture.ts';

/** Each seed runs three real runtimes: fewer than the pure-Yjs properties. */
const SEEDS = Number(process.env.QUIRE_SIM_SEEDS ?? 12);
const STEPS = 16;

function shown(cell: CellRuntime, draftId: string): string[] {
  const docId = draftDocId(draftId)!;
  const commentsId = commentsDocId(draftId)!;
  const comments = { doc: cell.sync.doc(commentsId), authors: cell.sync.clientAuthors(commentsId) };
  return listComments(cell.sync.doc(docId), cell.sync.clientAuthors(docId), comments)
    .entries.map((thread) => thread.text)
    .sort();
}

/** A comment as the app writes it: a reader's (`reader`) into her own root of the comments doc. */
function comment(cell: CellRuntime, draftId: string, text: string, reader: boolean): void {
  const commentsId = commentsDocId(draftId)!;
  const anchor = findQuote(cell.sync.doc(draftDocId(draftId)!), 'plant');
  if (!anchor) throw new Error('no anchor');
  const writer = {
    authors: cell.sync.clientAuthors(commentsId),
    member: toHex(cell.me.signPk),
    reader,
  };
  const added = addComment(cell.sync.doc(commentsId), text, anchor, 1, writer);
  if (!added.ok) throw new Error(added.error);
}

/** Deletes every comment in every map of the draft's comments document, on `cell`'s device. */
function wipeComments(cell: CellRuntime, draftId: string): void {
  const doc = cell.sync.doc(commentsDocId(draftId)!);
  doc.transact(() => {
    for (const { map } of commentMaps(doc)) for (const key of [...map.keys()]) map.delete(key);
  });
}

/**
 * One seeded run: a coordinator (peer 0) flips "readers comment" and rotates the key; an honest
 * reader (peer 1) comments when her device says readers may, a hostile one (peer 3) whenever he
 * likes, a member (peer 2) too; peers drop off the network and come back, in an order the seed
 * picks. Then everyone reconnects.
 */
async function run(seed: number) {
  const rand = prng(seed);
  // The network's latency and the runtimes' jitter draw from Math.random: seeded too.
  vi.spyOn(Math, 'random').mockImplementation(prng(seed ^ 0x5eed));
  const { world, a } = await RelayWorld.create();
  const rita = await world.openMember(await world.admit(a, 'Rita', 'reader'), 1);
  const boris = await world.openMember(await world.admit(a, 'Boris', 'member'), 2);
  const ivan = await world.openMember(await world.admit(a, 'Ivan', 'reader'), 3);
  await world.advance(2_000);
  const made = createDraft(a.sync.doc(CELL_INDEX_DOC_ID), 'Issue 12', toHex(a.me.signPk), 1);
  if (!made.ok) throw new Error(made.error);
  const draftId = made.value;
  replaceDraftText(a.sync.doc(draftDocId(draftId)!), 'The plant closes on Friday.');
  await world.advance(2_000);
  const peers = [a, rita, boris, ivan];
  const readerWrote: string[] = [];
  const hostileWrote: { text: string; epoch: number }[] = [];
  const memberWrote: string[] = [];
  let rotations = 0;
  for (let step = 0; step < STEPS; step++) {
    const op = randInt(rand, 6);
    if (op === 0 && rita.readerComments.allowedNow()) {
      comment(rita, draftId, `r${step}`, true);
      readerWrote.push(`r${step}`);
    } else if (op <= 1) {
      comment(ivan, draftId, `i${step}`, true);
      hostileWrote.push({ text: `i${step}`, epoch: ivan.sync.status().epoch });
    } else if (op === 2) {
      const text = `b${step}`;
      comment(boris, draftId, text, false);
      memberWrote.push(text);
    } else if (op === 3) {
      a.readerComments.set(!a.readerComments.setting().on);
    } else if (op === 4 && rotations < 2) {
      rotations++;
      await a.rotateKey();
    } else {
      world.net.setOffline(randInt(rand, 4), rand() < 0.5);
    }
    await world.advance(50 + randInt(rand, 1_500));
  }
  world.net.healAll();
  await world.advance(20_000);
  // Last, once all is delivered, the hostile reader deletes every comment his device holds,
  // others' too: the others refuse that update whole (issue 17, checkReaderUpdate). Earlier, an
  // unsent comment of his could share its update (batched, or carried into a new epoch).
  wipeComments(ivan, draftId);
  await world.advance(5_000);
  const result = {
    views: peers.map((p) => shown(p, draftId)),
    granted: (epoch: number) => a.readerComments.granted(epoch),
    readerWrote,
    hostileWrote,
    memberWrote,
    epochs: peers.map((p) => p.sync.status().epoch),
    overreach: peers.reduce(
      (n, p) => n + (p.sync.diagnostics.rejected.get('reader_overreach') ?? 0),
      0,
    ),
  };
  await Promise.all(peers.map((p) => p.close()));
  return result;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('issue 17: readers’ comments under policy flips, key rotations and partitions', () => {
  const only = process.env.QUIRE_SIM_SEED;
  const seeds = only ? [Number(only)] : Array.from({ length: SEEDS }, (_, i) => i + 1);
  it(`${seeds.length} seeds: member peers show the same comments, readers' exactly where their epoch was granted`, async () => {
    const seen = { readerShown: 0, hostileShown: 0, hostileRefused: 0, overreach: 0 };
    for (const seed of seeds) {
      const r = await run(seed);
      const where = `seed ${seed} (reproduce: QUIRE_SIM_SEED=${seed})`;
      const [coordinator, , member] = r.views;
      expect(member, `${where}: the member's view differs from the coordinator's`).toEqual(
        coordinator,
      );
      // A reader's updates of one document form a signed chain (PROTOCOL §4.5): the first one
      // written where no grant holds is refused for good, and what follows it waits on it.
      const refused = r.hostileWrote.findIndex((w) => !r.granted(w.epoch));
      const hostile = r.hostileWrote.slice(0, refused === -1 ? undefined : refused);
      const expected = [...r.memberWrote, ...r.readerWrote, ...hostile.map((w) => w.text)].sort();
      expect(coordinator, `${where}: not exactly the granted comments`).toEqual(expected);
      // The honest reader's device shows what the others show.
      expect(r.views[1], where).toEqual(coordinator);
      seen.readerShown += r.readerWrote.length;
      seen.hostileShown += hostile.length;
      seen.hostileRefused += r.hostileWrote.length - hostile.length;
      seen.overreach += r.overreach;
    }
    // The scenario exercises what it claims to (unless one seed is replayed alone).
    if (!only) {
      expect(seen.readerShown).toBeGreaterThan(0);
      expect(seen.hostileShown).toBeGreaterThan(0);
      expect(seen.hostileRefused).toBeGreaterThan(0);
      expect(seen.overreach).toBeGreaterThan(0);
    }
  }, 600_000);
});
