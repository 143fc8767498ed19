import * as Y from 'yjs';
import { deriveEpochSecrets, deriveRoomName } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { EnvelopeKind } from '../../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { CellSync } from '../../../shared/sync/CellSync.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { prng, randBytes, randInt } from '../../support/prng.ts';
import { UpdateChain } from '../../support/updateChain.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

export const SPLIT_LIMITS = {
  rolloverEntries: 10_000,
  rolloverJitterMs: 10,
  republishDelayMs: 100,
  drainMs: 1000,
  checkpointMs: 100,
};

/**
 * `honest` real CellSync engines (peers 0..honest-1, all writers) and an informer whose
 * envelopes the test seals with its real key and hands, through a raw wire doc of its own, to
 * whichever peers are online at that moment. Seeded.
 */
export async function splitCell(
  seed: number,
  honest = 4,
  opts: { readonly docId?: Uint8Array } = {},
) {
  await sodiumReady();
  const rand = prng(seed);
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, rand, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 5,
    reconnectMs: 1,
  });
  const cellId = randBytes(rand, 16);
  const secrets = deriveEpochSecrets(randBytes(rand, 32), cellId, 0);
  const key = () => {
    const kp = sodium().crypto_sign_seed_keypair(randBytes(rand, 32));
    return { signPk: kp.publicKey, signSk: kp.privateKey };
  };
  const keys = Array.from({ length: honest }, key);
  const informer = key();
  const roster = fixedRoster(
    // Peer 0 coordinates (it may release a quarantine); everyone writes.
    [...keys, informer].map((k, i) => ({
      signPk: k.signPk,
      role: i === 0 ? 'coordinator' : 'writer',
    })),
  );
  // Drawn in any case: the same seed gives the same keys and nonces with or without `docId`.
  const randomDocId = randBytes(rand, 16);
  const docId = opts.docId ?? randomDocId;
  const stores = keys.map(() => new MemorySyncStore());
  const open = (i: number) =>
    CellSync.open({
      cellId,
      me: keys[i]!,
      epoch: 0,
      secretsFor: (e) => (e === 0 ? secrets : undefined),
      roster,
      store: stores[i]!,
      transport: net.transportFor(i),
      signaling: ['ws://split'],
      scheduler,
      nonce: () => randBytes(rand, 24),
      random: rand,
      wireClientId: () => randInt(rand, 2 ** 31),
      limits: SPLIT_LIMITS,
    });
  const syncs: CellSync[] = [];
  for (let i = 0; i < honest; i++) syncs.push(await open(i));

  /** The informer's own Yjs docs, one per version it tells. */
  const versions = new Map<string, Y.Doc>();
  /** The informer changes its doc of `version` (session 1); the update it made. */
  const informerChange = (version: string, change: (doc: Y.Doc) => void): Uint8Array => {
    let d = versions.get(version);
    if (!d) {
      d = new Y.Doc();
      d.clientID = clientIdFor(informer.signPk, docId, 1);
      versions.set(version, d);
    }
    const before = Y.encodeStateVector(d);
    change(d);
    return Y.encodeStateAsUpdate(d, before);
  };
  const informerEdit = (version: string, text: string): Uint8Array =>
    informerChange(version, (d) => d.getText('t').insert(d.getText('t').length, text));
  const chain = new UpdateChain();
  /** The informer's envelope; an update body naming no previous envelope is linked honestly. */
  const sealBy = (kind: EnvelopeKind, seq: number, body: Uint8Array, time = 0) => {
    body = chain.link({ kind, docId, author: informer.signPk, seq, time }, body);
    const r = sealEnvelope({
      contentKey: secrets.contentKey,
      cellId,
      epoch: 0,
      kind,
      docId,
      author: informer,
      seq,
      time,
      body,
    });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  let informerPeer = 100;
  /** The informer joins generation `generation`'s room, posts, waits, and leaves. */
  const informerPosts = async (
    entries: readonly { envId: string; bytes: Uint8Array }[],
    generation = 0,
  ) => {
    const wire = new Y.Doc();
    const room = net.transportFor(informerPeer++).join(
      {
        roomName: deriveRoomName(secrets.transportRoot, cellId, 0, generation),
        password: secrets.transportSecret,
        signaling: ['ws://split'],
      },
      wire,
    );
    for (const e of entries) wire.getMap('envelopes').set(e.envId, e.bytes);
    await advance(50);
    room.close();
  };
  const advance = (ms: number) => scheduler.advance(ms, settle);
  const informerHex = sodium().to_hex(informer.signPk);
  const text = (i: number) => syncs[i]!.doc(docId).getText('t').toJSON();
  const named = (i: number) => [...syncs[i]!.diagnostics.provenEquivocators.keys()];
  /** Peer `i` closes and opens again from its own store. */
  const restart = async (i: number) => {
    await syncs[i]!.close();
    syncs[i] = await open(i);
  };
  const close = async () => {
    for (const s of syncs) await s.close();
  };
  return {
    net,
    syncs,
    cellId,
    keys,
    scheduler,
    docId,
    informer,
    informerHex,
    informerChange,
    informerEdit,
    sealBy,
    informerPosts,
    advance,
    text,
    named,
    restart,
    close,
  };
}
