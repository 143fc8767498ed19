import * as Y from 'yjs';
import { toHex } from '../../shared/crypto/bytes.ts';
import { deriveEpochSecrets } from '../../shared/crypto/deriveEpochSecrets.ts';
import { sodium, sodiumReady } from '../../shared/crypto/sodium.ts';
import { CellSync } from '../../shared/sync/CellSync.ts';
import { dropStructs } from '../../shared/sync/dropStructs.ts';
import { fixedRoster } from '../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../shared/sync/MemorySyncStore.ts';
import { ByzantineMember, type AttackTally } from './ByzantineMember.ts';
import { MemoryNetwork, type NetworkFaults } from './MemoryNetwork.ts';
import { prng, randBytes, randInt } from './prng.ts';
import { VirtualScheduler } from './VirtualScheduler.ts';

export interface SimulationOptions {
  readonly peers: number;
  readonly steps: number;
  readonly faults: NetworkFaults;
  /** Probability per step that a peer closes and reopens from its store. */
  readonly restart: number;
  readonly rolloverEntries: number;
  /** Every peer moves to epoch 1 at a random moment after this step (a key rotation). */
  readonly rotateAtStep?: number;
  /**
   * One more writer, an informer (ByzantineMember), acts instead of an honest peer with this
   * probability per step. Epoch 0 only: it does not follow rotations.
   */
  readonly byzantine?: number;
  /** The informer equivocates in the first shared text instead of a document of its own. */
  readonly forkShared?: boolean;
}

export interface SimulationResult {
  /** Per peer, per document: the text. */
  readonly texts: string[][];
  /** Per peer: every token in the append-only log doc, sorted. */
  readonly logs: string[][];
  /** Every token any peer appended. */
  readonly written: string[];
  readonly pending: number[];
  readonly rejected: number[];
  readonly generations: number[];
  readonly epochs: number[];
  readonly messages: number;
  readonly dropped: number;
  /**
   * Per peer, per document (the two texts, then the log): every type the informer writes into,
   * as JSON, so a run can check what honest peers hold beyond the texts.
   */
  readonly contents: string[][];
  /**
   * Per peer, per text: the text without any of the informer's structs (what honest members
   * wrote, as every peer holds it), to compare where the informer's own writes may differ.
   */
  readonly honestTexts: string[][];
  /** Per peer: the authors (hex) it holds a verified fork proof against. */
  readonly proven: string[][];
  /** Per peer: bytes of envelopes kept in its current wire doc. */
  readonly keptBytes: number[];
  /** The informer, when the run had one: its key, what it did, the documents it forked. */
  readonly informer?: { hex: string; tally: AttackTally; forkedDocs: ReadonlySet<string> };
}

/** The text of `doc` without the structs of `author` (none: the text). */
function withoutAuthor(
  doc: Y.Doc,
  authorOf: (client: number) => string | undefined,
  author: Uint8Array | undefined,
): string {
  const state = Y.encodeStateAsUpdate(doc);
  const hex = author && toHex(author);
  const drop = new Map<number, { from: number; to: number }>();
  for (const client of Y.parseUpdateMeta(state).to.keys())
    if (hex !== undefined && authorOf(client) === hex) drop.set(client, { from: 0, to: Infinity });
  const out = new Y.Doc();
  Y.applyUpdate(out, dropStructs(state, drop));
  return out.getText('t').toJSON();
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * One seeded run: `peers` members of one cell edit two texts and an append-only log over a lossy,
 * reordering, duplicating, partitioning in-memory network, restart from their stores, roll wire
 * docs over; then the network heals and the run returns what every peer ended with.
 */
export async function simulateCell(seed: number, o: SimulationOptions): Promise<SimulationResult> {
  await sodiumReady();
  const rand = prng(seed);
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, rand, o.faults);
  const cellId = randBytes(rand, 16);
  const secrets = deriveEpochSecrets(randBytes(rand, 32), cellId, 0);
  const secrets1 = deriveEpochSecrets(randBytes(rand, 32), cellId, 1);
  const rotated = new Set<number>();
  const keys = Array.from({ length: o.peers }, () => {
    const kp = sodium().crypto_sign_seed_keypair(randBytes(rand, 32));
    return { signPk: kp.publicKey, signSk: kp.privateKey };
  });
  // Drawn only with an informer, so honest runs keep the random stream their seeds recorded.
  const informerKp =
    o.byzantine === undefined ? undefined : sodium().crypto_sign_seed_keypair(randBytes(rand, 32));
  const informerKeys = informerKp && {
    signPk: informerKp.publicKey,
    signSk: informerKp.privateKey,
  };
  const writers = informerKeys ? [...keys, informerKeys] : keys;
  const roster = fixedRoster(writers.map((k) => ({ signPk: k.signPk, role: 'writer' as const })));
  const docIds = [randBytes(rand, 16), randBytes(rand, 16)] as const;
  const logDocId = randBytes(rand, 16);
  const stores = keys.map(() => new MemorySyncStore());
  const open = (i: number): Promise<CellSync> =>
    CellSync.open({
      cellId,
      me: keys[i]!,
      epoch: rotated.has(i) ? 1 : 0,
      secretsFor: (e) =>
        e === 0 ? secrets : e === 1 && o.rotateAtStep !== undefined ? secrets1 : undefined,
      roster,
      store: stores[i]!,
      transport: net.transportFor(i),
      signaling: ['ws://sim'],
      scheduler,
      nonce: () => randBytes(rand, 24),
      random: rand,
      wireClientId: () => randInt(rand, 2 ** 31),
      limits: {
        rolloverEntries: o.rolloverEntries,
        rolloverJitterMs: 400,
        republishDelayMs: 300,
        drainMs: 4000,
        checkpointMs: 300,
      },
    });
  const syncs: CellSync[] = [];
  for (let i = 0; i < o.peers; i++) syncs.push(await open(i));
  const written: string[] = [];
  const informer =
    informerKeys &&
    new ByzantineMember(
      [net.transportFor(o.peers), net.transportFor(o.peers + 1)],
      informerKeys,
      { cellId, epoch: 0, secrets, signaling: ['ws://sim'] },
      rand,
      keys,
    );
  const forkDoc = informer ? randBytes(rand, 16) : new Uint8Array(16);

  for (let step = 0; step < o.steps; step++) {
    if (informer && rand() < (o.byzantine ?? 0)) {
      informer.follow(Math.max(...syncs.map((s) => s.status().generation)));
      informer.act([...docIds, logDocId], o.forkShared ? docIds[0] : forkDoc);
      await scheduler.advance(randInt(rand, 250), settle);
      continue;
    }
    if (o.rotateAtStep !== undefined && step >= o.rotateAtStep && rand() < 0.2) {
      const q = randInt(rand, o.peers);
      if (!rotated.has(q)) {
        rotated.add(q);
        await syncs[q]!.advanceEpoch(1);
      }
    }
    const p = randInt(rand, o.peers);
    const sync = syncs[p]!;
    const r = rand();
    if (r < 0.45) {
      const text = sync.doc(docIds[randInt(rand, 2)]!).getText('t');
      const len = text.length;
      if (len > 0 && rand() < 0.3) {
        const at = randInt(rand, len);
        text.delete(at, Math.min(len - at, 1 + randInt(rand, 4)));
      } else {
        text.insert(
          randInt(rand, len + 1),
          String.fromCharCode(97 + randInt(rand, 26)).repeat(1 + randInt(rand, 3)),
        );
      }
    } else if (r < 0.6) {
      const token = `${p}.${step}`;
      sync.doc(logDocId).getArray<string>('log').push([token]);
      written.push(token);
    } else if (r < 0.7) {
      net.setOffline(p, rand() < 0.5);
    } else if (r < 0.7 + o.restart) {
      await sync.close();
      syncs[p] = await open(p);
    }
    await scheduler.advance(randInt(rand, 250), settle);
  }

  if (o.rotateAtStep !== undefined)
    for (let q = 0; q < o.peers; q++)
      if (!rotated.has(q)) {
        rotated.add(q);
        await syncs[q]!.advanceEpoch(1);
      }
  net.healAll();
  for (let round = 0; round < 12; round++) {
    for (const s of syncs) await s.flush();
    await scheduler.advance(2500, settle);
    net.healAll();
  }
  const texts = syncs.map((s) => docIds.map((d) => s.doc(d).getText('t').toJSON()));
  const logs = syncs.map((s) => [...s.doc(logDocId).getArray<string>('log').toArray()].sort());
  const result: SimulationResult = {
    texts,
    logs,
    written: [...written].sort(),
    pending: syncs.map((s) => s.diagnostics.pending),
    rejected: syncs.map((s) => s.diagnostics.rejectedTotal()),
    generations: syncs.map((s) => s.status().generation),
    epochs: syncs.map((s) => s.status().epoch),
    messages: net.messages,
    dropped: net.dropped,
    contents: syncs.map((s) =>
      [...docIds, logDocId].map((d) => {
        const doc = s.doc(d);
        return JSON.stringify({
          t: doc.getText('t').toJSON(),
          log: doc.getArray('log').toJSON(),
          noise: doc.getArray('noise').toJSON(),
          deep: doc.getXmlFragment('deep').toJSON(),
        });
      }),
    ),
    honestTexts: syncs.map((s) =>
      docIds.map((d) => withoutAuthor(s.doc(d), s.clientAuthors(d), informerKeys?.signPk)),
    ),
    proven: syncs.map((s) => [...s.diagnostics.provenEquivocators.keys()]),
    keptBytes: syncs.map((s) => s.wireStats().bytes),
    ...(informer &&
      informerKeys && {
        informer: {
          hex: toHex(informerKeys.signPk),
          tally: informer.tally,
          forkedDocs: informer.forkedDocs,
        },
      }),
  };
  informer?.close();
  for (const s of syncs) await s.close();
  return result;
}
