import * as Y from 'yjs';
import { deriveRoomName, type EpochSecrets } from '../../shared/crypto/deriveEpochSecrets.ts';
import { ENVELOPE_KIND, type EnvelopeKind } from '../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope, type SealedEnvelope } from '../../shared/envelope/sealEnvelope.ts';
import { envelopeId } from '../../shared/envelope/envelopeId.ts';
import { toHex } from '../../shared/crypto/bytes.ts';
import { clientIdFor } from '../../shared/sync/clientIdFor.ts';
import type { Room, Transport } from '../../shared/transport/Transport.ts';
import { randBytes, randInt } from './prng.ts';
import { resealEnvelope } from './resealEnvelope.ts';
import { UpdateChain, unlinkedUpdateBody } from './updateChain.ts';

export interface ByzantineKeys {
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
}

/** What the adversary did, so a run can assert on it (and print it with a failing seed). */
export interface AttackTally {
  edits: number;
  equivocations: number;
  replays: number;
  reseals: number;
  junk: number;
  overwrites: number;
  deep: number;
  foreignClient: number;
  bogusProofs: number;
}

/** One connection of the informer: a wire doc per room. Two personas can tell two stories. */
interface Persona {
  readonly transport: Transport;
  readonly rooms: Map<string, { room: Room; wire: Y.Doc }>;
}

/** Where the informer stands: its cell, its epoch's secrets, the rendezvous it uses. */
export interface InformerPost {
  readonly cellId: Uint8Array;
  readonly epoch: number;
  readonly secrets: EpochSecrets;
  readonly signaling: readonly string[];
}

/**
 * An informer inside the cell, for seeded simulations: a writer whose keys are valid, who plays
 * the wire docs directly with any bytes it can make. It sees what any member sees (the
 * generations the cell moves to, every envelope it can decrypt) and nothing more.
 */
export class ByzantineMember {
  readonly tally: AttackTally = {
    edits: 0,
    equivocations: 0,
    replays: 0,
    reseals: 0,
    junk: 0,
    overwrites: 0,
    deep: 0,
    foreignClient: 0,
    bogusProofs: 0,
  };
  /** Documents the informer forked (hex of docId): honest copies of these may differ. */
  readonly forkedDocs = new Set<string>();
  private readonly personas: Persona[];
  private readonly seqs = new Map<string, number>();
  /** Its own updates link to its previous ones (PROTOCOL §7): an informer who is a member. */
  private readonly chain = new UpdateChain();
  private readonly docs = new Map<string, Y.Doc>();
  private generation = 0;

  private readonly cellId: Uint8Array;
  private readonly secrets: EpochSecrets;

  /** `transports`: one per persona (the simulation uses two; a real process one). */
  constructor(
    transports: readonly Transport[],
    private readonly keys: ByzantineKeys,
    private readonly post: InformerPost,
    private readonly rand: () => number,
    private readonly victims: readonly { readonly signPk: Uint8Array }[],
  ) {
    this.cellId = post.cellId;
    this.secrets = post.secrets;
    this.personas = transports.map((transport) => ({ transport, rooms: new Map() }));
    this.follow(0);
  }

  /** Joins the room of `generation` (and keeps the older ones: replays come from there). */
  follow(generation: number): void {
    if (generation < this.generation) return;
    this.generation = generation;
    const roomName = this.roomName(generation);
    for (const p of this.personas) {
      if (p.rooms.has(roomName)) continue;
      const wire = new Y.Doc();
      // From the seed, not lib0's random clientID: a seeded run must replay exactly.
      wire.clientID = randInt(this.rand, 2 ** 31);
      const room = p.transport.join(
        { roomName, password: this.secrets.transportSecret, signaling: this.post.signaling },
        wire,
      );
      p.rooms.set(roomName, { room, wire });
    }
  }

  /** One attack, chosen by the seed, in the current generation's room. */
  act(docIds: readonly Uint8Array[], forkDoc: Uint8Array): void {
    const docId = docIds[randInt(this.rand, docIds.length)]!;
    const pick = this.rand();
    if (pick < 0.2) this.edit(docId);
    else if (pick < 0.32) this.equivocate(forkDoc);
    else if (pick < 0.44) this.replay(false);
    else if (pick < 0.54) this.replay(true);
    else if (pick < 0.66) this.junk();
    else if (pick < 0.74) this.overwrite();
    else if (pick < 0.82) this.deep(docId);
    else if (pick < 0.92) this.foreignClient(docId);
    else this.bogusProof();
  }

  /** A validly signed update of the informer's own, made by `change`, to every persona. */
  publish(docId: Uint8Array, change: (doc: Y.Doc) => void): void {
    const update = this.ownUpdate(docId, change);
    const body = unlinkedUpdateBody(update, 1);
    const env = this.seal(ENVELOPE_KIND.update, docId, this.nextSeq(docId), body);
    for (let p = 0; p < this.personas.length; p++) this.put(p, env);
  }

  /** Any bytes under any key, to every persona. */
  putRaw(envId: string, bytes: Uint8Array): void {
    for (let p = 0; p < this.personas.length; p++) this.put(p, { envId, bytes });
  }

  close(): void {
    for (const p of this.personas) for (const { room } of p.rooms.values()) room.close();
  }

  private roomName(generation: number): string {
    const { secrets, cellId, epoch } = this.post;
    return deriveRoomName(secrets.transportRoot, cellId, epoch, generation);
  }

  private get rooms(): { wire: Y.Doc }[] {
    const roomName = this.roomName(this.generation);
    return this.personas.map((p) => p.rooms.get(roomName)!);
  }

  /** A persona, by the seed: any of them when there are several. */
  private any(): number {
    return randInt(this.rand, this.personas.length);
  }

  private put(persona: number, sealed: SealedEnvelope | { envId: string; bytes: Uint8Array }) {
    this.rooms[persona]!.wire.getMap('envelopes').set(sealed.envId, sealed.bytes);
  }

  private seal(kind: EnvelopeKind, docId: Uint8Array, seq: number, body: Uint8Array) {
    const r = sealEnvelope({
      contentKey: this.secrets.contentKey,
      cellId: this.cellId,
      epoch: this.post.epoch,
      kind,
      docId,
      author: this.keys,
      seq,
      time: 0,
      body: this.chain.link({ kind, docId, author: this.keys.signPk, seq, time: 0 }, body),
      nonce: randBytes(this.rand, 24),
    });
    if (!r.ok) throw new Error(`adversary could not seal: ${r.error}`);
    return r.value;
  }

  private nextSeq(docId: Uint8Array): number {
    const k = docId.join(',');
    const seq = (this.seqs.get(k) ?? 0) + 1;
    this.seqs.set(k, seq);
    return seq;
  }

  /** A Yjs update under the informer's own clientID (session 1) for `docId`. */
  private ownUpdate(docId: Uint8Array, change: (doc: Y.Doc) => void): Uint8Array {
    const key = docId.join(',');
    let doc = this.docs.get(key);
    if (!doc) {
      doc = new Y.Doc();
      doc.clientID = clientIdFor(this.keys.signPk, docId, 1);
      this.docs.set(key, doc);
    }
    const before = Y.encodeStateVector(doc);
    change(doc);
    return Y.encodeStateAsUpdate(doc, before);
  }

  /** A valid edit: the informer is a member who also writes normally. */
  private edit(docId: Uint8Array): void {
    const update = this.ownUpdate(docId, (d) => d.getArray<string>('noise').push(['x']));
    const env = this.seal(
      ENVELOPE_KIND.update,
      docId,
      this.nextSeq(docId),
      unlinkedUpdateBody(update, 1),
    );
    this.put(this.any(), env);
    this.tally.edits++;
  }

  /** Two different signed updates under one seq, one to each persona (each half of the room). */
  private equivocate(docId: Uint8Array): void {
    const seq = this.nextSeq(docId);
    const session = 1000 + seq;
    const story = (words: string): Uint8Array => {
      const d = new Y.Doc();
      d.clientID = clientIdFor(this.keys.signPk, docId, session);
      d.getText('t').insert(0, words);
      return unlinkedUpdateBody(Y.encodeStateAsUpdate(d), session);
    };
    this.put(0, this.seal(ENVELOPE_KIND.update, docId, seq, story(`library ${seq} `)));
    this.put(
      this.personas.length - 1,
      this.seal(ENVELOPE_KIND.update, docId, seq, story(`bus station ${seq} `)),
    );
    this.forkedDocs.add(toHex(docId));
    this.tally.equivocations++;
  }

  /** An honest envelope again: the same bytes, or its signed fields sealed under a new nonce. */
  private replay(reseal: boolean): void {
    const wire = this.rooms[0]!.wire.getMap('envelopes');
    const keys = Array.from(wire.keys()).filter((k) => /^[0-9a-f]{32}$/.test(k));
    if (keys.length === 0) return;
    const key = keys[randInt(this.rand, keys.length)]!;
    const value = wire.get(key);
    if (!(value instanceof Uint8Array)) return;
    if (!reseal) {
      this.put(this.personas.length - 1, { envId: key, bytes: value.slice() });
      this.tally.replays++;
      return;
    }
    const copy = resealEnvelope(value, this.secrets.contentKey, this.cellId, this.post.epoch);
    if (!copy) return;
    this.put(this.any(), copy);
    this.tally.reseals++;
  }

  /** Random bytes under a fresh key: they never open. */
  private junk(): void {
    const bytes = randBytes(this.rand, 64 + randInt(this.rand, 4096));
    this.put(this.any(), { envId: envelopeId(bytes), bytes });
    this.tally.junk++;
  }

  /** Junk written over an honest entry's key: holders put the real bytes back. */
  private overwrite(): void {
    const wire = this.rooms[0]!.wire.getMap('envelopes');
    const keys = Array.from(wire.keys());
    if (keys.length === 0) return;
    const key = keys[randInt(this.rand, keys.length)]!;
    this.put(this.any(), { envId: key, bytes: randBytes(this.rand, 300) });
    this.tally.overwrites++;
  }

  /** A validly signed update nesting elements 90 deep (past the receive bound of 64). */
  private deep(docId: Uint8Array): void {
    const update = this.ownUpdate(docId, (d) => {
      let parent: Y.XmlFragment = d.getXmlFragment('deep');
      for (let i = 0; i < 90; i++) {
        const el = new Y.XmlElement('blockquote');
        parent.insert(0, [el]);
        parent = el;
      }
    });
    const seq = this.nextSeq(docId);
    this.put(
      this.any(),
      this.seal(ENVELOPE_KIND.update, docId, seq, unlinkedUpdateBody(update, 1)),
    );
    this.tally.deep++;
  }

  /** Structs under an honest member's clientID, signed by the informer. */
  private foreignClient(docId: Uint8Array): void {
    const victim = this.victims[randInt(this.rand, this.victims.length)]!;
    const d = new Y.Doc();
    d.clientID = clientIdFor(victim.signPk, docId, 1 + randInt(this.rand, 3));
    d.getText('t').insert(0, 'words she never wrote ');
    const body = unlinkedUpdateBody(Y.encodeStateAsUpdate(d), 1);
    this.put(this.any(), this.seal(ENVELOPE_KIND.update, docId, this.nextSeq(docId), body));
    this.tally.foreignClient++;
  }

  /** Garbage under a fork-proof key, to frame nobody. */
  private bogusProof(): void {
    const bytes = randBytes(this.rand, 200 + randInt(this.rand, 2000));
    this.put(this.any(), { envId: `fork/${envelopeId(bytes)}`, bytes });
    this.tally.bogusProofs++;
  }
}
