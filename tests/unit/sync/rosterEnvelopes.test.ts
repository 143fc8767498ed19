import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deriveEpochSecrets, deriveRoomName } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { decodeEnvelope } from '../../../shared/envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { ENVELOPE_KIND, type EnvelopeKind } from '../../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { rosterOpId } from '../../../shared/roster/rosterOpId.ts';
import { MAX_OPS_PER_MEMBER } from '../../../shared/runtime/RosterGate.ts';
import { RosterLog } from '../../../shared/runtime/RosterLog.ts';
import { CELL_DOC_ID, CellSync } from '../../../shared/sync/CellSync.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import type { RosterPort } from '../../../shared/sync/RosterPort.ts';
import { scopeKey } from '../../../shared/sync/WireScope.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { UpdateChain, unlinkedUpdateBody } from '../../support/updateChain.ts';
import { prng, randBytes } from '../../support/prng.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { makeActor, TestCell, type Actor } from '../roster/rosterFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * One engine (Vera's) over the in-memory network, and a raw wire doc in generation 0 through
 * which the test plays every other member. Roster: Anna (coordinator) admitted Boris and Vera.
 */
async function harness(roster?: (c: TestCell) => RosterPort) {
  const anna = makeActor('Anna', 'env');
  const boris = makeActor('Boris', 'env');
  const vera = makeActor('Vera', 'env');
  const c = new TestCell(anna);
  c.join(anna, boris);
  c.join(anna, vera);
  const base = c.frontier();
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, Math.random, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 2,
    reconnectMs: 2,
  });
  const secrets = deriveEpochSecrets(randomBytes(32), c.cellId, 0);
  const store = new MemorySyncStore();
  const log = new RosterLog(c.cellId, [...c.bytes.values()]);
  const sync = await CellSync.open({
    cellId: c.cellId,
    me: vera,
    epoch: 0,
    secretsFor: (e) => (e === 0 ? secrets : undefined),
    roster: roster ? roster(c) : log,
    store,
    transport: net.transportFor(1),
    signaling: ['ws://test'],
    scheduler,
    limits: { rolloverEntries: 10, rolloverJitterMs: 10, republishDelayMs: 50, drainMs: 60_000 },
  });
  const wire = new Y.Doc();
  const room = net.transportFor(2).join(
    {
      roomName: deriveRoomName(secrets.transportRoot, c.cellId, 0, 0),
      password: secrets.transportSecret,
      signaling: ['ws://test'],
    },
    wire,
  );
  const seqs = new Map<string, number>();
  const chain = new UpdateChain();
  const seal = (author: Actor, kind: EnvelopeKind, body: Uint8Array, seq?: number) => {
    const key = `${author.hex}:${kind}`;
    const next = seq ?? (seqs.get(key) ?? 0) + 1;
    seqs.set(key, next);
    const docId = kind === ENVELOPE_KIND.update ? DOC : CELL_DOC_ID;
    body = chain.link({ kind, docId, author: author.signPk, seq: next, time: 0 }, body);
    const r = sealEnvelope({
      contentKey: secrets.contentKey,
      cellId: c.cellId,
      epoch: 0,
      kind,
      docId,
      author,
      seq: next,
      time: 0,
      body,
    });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  /** Plays `author` putting envelopes into generation 0. */
  const put = async (author: Actor, kind: EnvelopeKind, bodies: Uint8Array[], seq?: number) => {
    const keys: string[] = [];
    for (const body of bodies) {
      const e = seal(author, kind, body, seq);
      wire.getMap('envelopes').set(e.envId, e.bytes);
      keys.push(e.envId);
    }
    await scheduler.advance(20, settle);
    return keys;
  };
  /** The roster op ids in Vera's stored envelopes of generation `g`. */
  const storedOps = async (g: number) => {
    await sync.flush();
    const ids: string[] = [];
    for (const e of await store.loadEnvelopes(scopeKey(0, g))) {
      const p = decryptEnvelope(e.bytes, secrets.contentKey, c.cellId, 0);
      const env = p.ok ? decodeEnvelope(p.value) : undefined;
      if (env?.ok && env.value.kind === ENVELOPE_KIND.roster) ids.push(rosterOpId(env.value.body));
    }
    return ids;
  };
  const close = async () => {
    room.close();
    await sync.close();
  };
  return { c, anna, boris, vera, base, log, sync, scheduler, put, storedOps, close };
}

const DOC = new Uint8Array(16).fill(5);

/** `n` update bodies by `author`, from a Yjs doc under the author's derived clientID. */
function updateBodies(author: Actor, n: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientIdFor(author.signPk, DOC, 1);
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(unlinkedUpdateBody(u)));
  for (let i = 0; i < n; i++) doc.getText('t').insert(0, `${i}`);
  return out;
}

const renames = (c: TestCell, who: Actor, n: number, heads: readonly string[]) =>
  Array.from({ length: n }, (_, i) =>
    c.get(c.op(who, { type: 'rename', pseudonym: `${who.name} ${i}` }, heads)),
  );

describe('roster envelopes in the sync engine', () => {
  it('store and carry only the ops the log holds, and never count toward a rollover', async () => {
    const h = await harness();
    const held = renames(h.c, h.boris, 20, h.base);
    await h.put(h.boris, ENVELOPE_KIND.roster, held);
    await h.put(h.boris, ENVELOPE_KIND.roster, [randBytes(prng(4), 200), randBytes(prng(5), 90)]);
    // Thirty roster envelopes, ten past the threshold: no rollover.
    await h.scheduler.advance(1_000, settle);
    expect(h.sync.status().generation).toBe(0);
    expect(h.sync.diagnostics.rejected.get('roster_invalid')).toBe(2);
    const ids = held.map(rosterOpId).sort();
    expect((await h.storedOps(0)).sort()).toEqual(ids);
    // Ten updates do roll it over; the new generation gets the held ops, once each, and no junk.
    await h.put(h.anna, ENVELOPE_KIND.update, updateBodies(h.anna, 10));
    await h.scheduler.advance(1_000, settle);
    expect(h.sync.status().generation).toBe(1);
    expect((await h.storedOps(1)).sort()).toEqual(ids);
    await h.scheduler.advance(5_000, settle);
    expect(h.sync.status().generation).toBe(1);
    await h.close();
  });

  it("offers a copy refused over a cap again when a coordinator's op needs it", async () => {
    const h = await harness();
    const flood = renames(h.c, h.boris, MAX_OPS_PER_MEMBER + 10, h.base);
    await h.put(h.boris, ENVELOPE_KIND.roster, flood);
    expect(h.sync.diagnostics.rejected.get('roster_over_cap')).toBe(10);
    // Anna saw a rename that Vera refused, and names it in her removal of Boris.
    const refused = flood.map(rosterOpId).filter((id) => !h.log.carries(id));
    const remove = h.c.get(
      h.c.op(h.anna, { type: 'remove', member: h.boris.signPk }, [...h.base, refused[0]!].sort()),
    );
    await h.put(h.anna, ENVELOPE_KIND.roster, [remove]);
    expect(h.log.roster().removed.has(h.boris.hex)).toBe(true);
    expect(h.log.carries(refused[0]!)).toBe(true);
    expect(await h.storedOps(0)).toContain(refused[0]);
    await h.close();
  });

  it('carries neither refused updates nor copies into a cascade of rollovers', async () => {
    const h = await harness((c) =>
      fixedRoster([
        { signPk: makeActor('Anna', 'env').signPk, role: 'writer' },
        { signPk: makeActor('Vera', 'env').signPk, role: 'writer' },
        { signPk: c.creator.signPk, role: 'writer' },
      ]),
    );
    // Ten updates whose first seq never comes: they wait, and every rollover carries them.
    for (const [i, body] of updateBodies(h.anna, 10).entries())
      await h.put(h.anna, ENVELOPE_KIND.update, [body], i + 2);
    // Ten that are signed but hold no update at all: refused, never carried.
    await h.put(
      h.anna,
      ENVELOPE_KIND.update,
      Array.from({ length: 10 }, () => randBytes(prng(6), 40)),
    );
    await h.scheduler.advance(30_000, settle);
    expect(h.sync.status().generation).toBe(1);
    expect(h.sync.wireStats().entries).toBeLessThanOrEqual(12);
    await h.close();
  });
});
