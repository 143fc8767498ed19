import * as Y from 'yjs';
import { deriveEpochSecrets, deriveRoomName } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND, type EnvelopeKind } from '../../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { CELL_DOC_ID, CellSync } from '../../../shared/sync/CellSync.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import { encodeRolloverBody } from '../../../shared/sync/rolloverBody.ts';
import type { RosterPort } from '../../../shared/sync/RosterPort.ts';
import type { SyncLimits } from '../../../shared/sync/SyncLimits.ts';
import { BEACON_GENERATION } from '../../../shared/sync/WireScope.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { UpdateChain, unlinkedUpdateBody } from '../../support/updateChain.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';

export interface Keys {
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
}

const keypair = (): Keys => {
  const kp = sodium().crypto_sign_keypair();
  return { signPk: kp.publicKey, signSk: kp.privateKey };
};

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A fixed roster whose members can be removed (they stay known: their old content is theirs). */
function removableRoster(
  members: ReadonlyArray<{ signPk: Uint8Array; role: 'coordinator' | 'writer' | 'reader' }>,
) {
  const inner = fixedRoster(members);
  const removed = new Set<string>();
  const listeners = new Set<() => void>();
  const roster: RosterPort = {
    writeCheck: (author, epoch, kind, doc) =>
      removed.has(sodium().to_hex(author))
        ? 'not_member'
        : inner.writeCheck(author, epoch, kind, doc),
    knows: (author) => inner.knows(author),
    isCoordinator: (author) =>
      !removed.has(sodium().to_hex(author)) && (inner.isCoordinator?.(author) ?? false),
    onChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const remove = (who: Keys) => {
    removed.add(sodium().to_hex(who.signPk));
    for (const l of listeners) l();
  };
  return { roster, remove };
}

/**
 * One victim engine (bob, a coordinator) in a cell with alice and carol (writers), rita (reader)
 * and a stranger, plus a raw wire doc in the same room through which a test plays any peer,
 * honest or not; more real engines on the same network (`openPeer`), raw wire docs in other
 * generations (`wireAt`).
 */
export async function engineHarness(
  limits: Partial<SyncLimits> = {},
  /** Wraps the cell's roster port (readerComments: the write check per document kind). */
  wrap: (roster: RosterPort) => RosterPort = (roster) => roster,
) {
  await sodiumReady();
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, Math.random, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 1,
    reconnectMs: 1,
  });
  const cellId = randomBytes(16);
  const secrets = deriveEpochSecrets(randomBytes(32), cellId, 0);
  const alice = keypair();
  const bob = keypair();
  const rita = keypair();
  const carol = keypair();
  const dave = keypair();
  const stranger = keypair();
  const { roster: fixed, remove } = removableRoster([
    { signPk: alice.signPk, role: 'writer' },
    { signPk: bob.signPk, role: 'coordinator' },
    { signPk: carol.signPk, role: 'writer' },
    { signPk: dave.signPk, role: 'writer' },
    { signPk: rita.signPk, role: 'reader' },
  ]);
  const roster = wrap(fixed);
  let nextPeer = 1;
  /** Opens a real engine for `me` on the shared network (a fresh store unless given one). */
  const openPeer = (me: Keys, store = new MemorySyncStore()) =>
    CellSync.open({
      cellId,
      me,
      epoch: 0,
      secretsFor: (e) => (e === 0 ? secrets : undefined),
      roster,
      store,
      transport: net.transportFor(nextPeer++),
      signaling: ['ws://test'],
      scheduler,
      limits,
    });
  const store = new MemorySyncStore();
  const victim = await openPeer(bob, store);
  /** A raw wire doc joined to generation `generation` of epoch 0 (the beacon's number too). */
  const wireAt = (generation: number) => {
    const doc = new Y.Doc();
    const joined = net.transportFor(nextPeer++).join(
      {
        roomName: deriveRoomName(secrets.transportRoot, cellId, 0, generation),
        password: secrets.transportSecret,
        signaling: ['ws://test'],
      },
      doc,
    );
    const put = async (key: string, value: unknown) => {
      doc.getMap('envelopes').set(key, value);
      await scheduler.advance(10, settle);
    };
    return { doc, room: joined, put };
  };
  const { doc: wire, room } = wireAt(0);
  /** Another raw wire doc in the victim's room (a holder of the room secret; a listener). */
  const joinRaw = () => wireAt(0);
  const docId = randomBytes(16);

  const chain = new UpdateChain();
  /** An update by `author` from a real Yjs doc using the author's derived clientID. */
  const authorDocs = new Map<string, Y.Doc>();
  const edit = (author: Keys, text: string, session = 1): Uint8Array => {
    const key = `${sodium().to_hex(author.signPk)}:${session}`;
    let d = authorDocs.get(key);
    if (!d) {
      d = new Y.Doc();
      d.clientID = clientIdFor(author.signPk, docId, session);
      authorDocs.set(key, d);
    }
    const before = Y.encodeStateVector(d);
    d.getText('t').insert(d.getText('t').length, text);
    return Y.encodeStateAsUpdate(d, before);
  };
  const seal = (
    author: Keys,
    kind: EnvelopeKind,
    seq: number,
    body: Uint8Array,
    over: { epoch?: number; docId?: Uint8Array; contentKey?: Uint8Array } = {},
  ) => {
    const fields = { kind, docId: over.docId ?? docId, author: author.signPk, seq, time: 0 };
    body = chain.link(fields, body);
    const r = sealEnvelope({
      contentKey: over.contentKey ?? secrets.contentKey,
      cellId,
      epoch: over.epoch ?? 0,
      kind,
      docId: over.docId ?? docId,
      author,
      seq,
      time: 0,
      body,
    });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  /** An update body naming no previous envelope: `seal` links it to the author's seq - 1. */
  const updateBody = unlinkedUpdateBody;
  /** `author` announces a rollover to `generation` in generation 0 and in the beacon. */
  const rollTo = async (author: Keys, generation: number, seq = 1) => {
    const notice = seal(
      author,
      ENVELOPE_KIND.rollover,
      seq,
      encodeRolloverBody({ nextGeneration: generation }),
      { docId: CELL_DOC_ID },
    );
    const beacon = wireAt(BEACON_GENERATION);
    await put(notice.envId, notice.bytes);
    await beacon.put(notice.envId, notice.bytes);
    await scheduler.advance(100, settle);
    return beacon;
  };
  /** Plays a peer: puts `value` under `key` in the shared wire doc and lets it arrive. */
  const put = async (key: string, value: unknown) => {
    wire.getMap('envelopes').set(key, value);
    await scheduler.advance(10, settle);
  };
  const text = () => victim.doc(docId).getText('t').toJSON();
  const stateVector = () => Y.encodeStateVector(victim.doc(docId));
  const rejected = (reason: string) => victim.diagnostics.rejected.get(reason as never) ?? 0;
  const close = async () => {
    room.close();
    await victim.close();
  };
  return {
    victim,
    net,
    joinRaw,
    openPeer,
    store,
    scheduler,
    wire,
    room,
    docId,
    cellId,
    secrets,
    alice,
    bob,
    rita,
    carol,
    dave,
    stranger,
    remove,
    wireAt,
    rollTo,
    edit,
    seal,
    updateBody,
    put,
    text,
    stateVector,
    rejected,
    close,
    advance: (ms: number) => scheduler.advance(ms, settle),
  };
}
