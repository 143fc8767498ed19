import * as Y from 'yjs';
import { deriveEpochSecrets, deriveRoomName } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { EnvelopeKind } from '../../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { CellSync } from '../../../shared/sync/CellSync.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import type { SyncLimits } from '../../../shared/sync/SyncLimits.ts';
import { encodeUpdateBody } from '../../../shared/sync/updateBody.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
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

/**
 * One victim engine (bob) in a cell with alice (writer), rita (reader) and a stranger, plus a raw
 * wire doc in the same room through which a test plays any peer, honest or not.
 */
export async function engineHarness(limits: Partial<SyncLimits> = {}) {
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
  const stranger = keypair();
  const roster = fixedRoster([
    { signPk: alice.signPk, role: 'writer' },
    { signPk: bob.signPk, role: 'writer' },
    { signPk: rita.signPk, role: 'reader' },
  ]);
  const store = new MemorySyncStore();
  const victim = await CellSync.open({
    cellId,
    me: bob,
    epoch: 0,
    secretsFor: (e) => (e === 0 ? secrets : undefined),
    roster,
    store,
    transport: net.transportFor(1),
    signaling: ['ws://test'],
    scheduler,
    limits,
  });
  /** A raw wire doc in the victim's room as network peer `peer` (a holder of the room secret). */
  const joinRaw = (peer: number, doc = new Y.Doc()) => {
    const joined = net.transportFor(peer).join(
      {
        roomName: deriveRoomName(secrets.transportRoot, cellId, 0, 0),
        password: secrets.transportSecret,
        signaling: ['ws://test'],
      },
      doc,
    );
    return { doc, room: joined };
  };
  /** Another engine in the cell (its own store), as network peer `peer`. */
  const openPeer = (me: Keys, peer: number) =>
    CellSync.open({
      cellId,
      me,
      epoch: 0,
      secretsFor: (e) => (e === 0 ? secrets : undefined),
      roster,
      store: new MemorySyncStore(),
      transport: net.transportFor(peer),
      signaling: ['ws://test'],
      scheduler,
      limits,
    });
  const { doc: wire, room } = joinRaw(2);
  const docId = randomBytes(16);

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
  const updateBody = (update: Uint8Array, session = 1) => encodeUpdateBody({ session, update });
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
    docId,
    cellId,
    secrets,
    alice,
    bob,
    rita,
    stranger,
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
