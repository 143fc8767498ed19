import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toHex } from '../../../shared/crypto/bytes.ts';
import {
  deriveRoomName,
  deriveTransportSecrets,
} from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { envelopeId } from '../../../shared/envelope/envelopeId.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { sealEpochWraps } from '../../../shared/roster/sealEpochWraps.ts';
import { removeMember } from '../../../shared/runtime/cellGovernance.ts';
import { relayNoticeKey } from '../../../shared/sync/relayNotice.ts';
import { isRelayableEntry } from '../../../node/relay/isRelayableEntry.ts';
import { openRelayNotice } from '../../../node/relay/openRelayNotice.ts';
import { DOC, identity, RelayWorld, text } from './relayFixture.ts';

describe('blind relay (RelayCell) over the in-memory network', () => {
  it('carries a text between members who are never online together', async () => {
    const { world, a } = await RelayWorld.create();
    const recB = await world.admit(a, 'Boris', 'member');
    const recR = await world.admit(a, 'relay', 'relay');
    const relay = await world.openRelay(recR, 9);
    await world.advance(500);
    a.sync.doc(DOC).getText('t').insert(0, 'samizdat no. 7');
    await world.advance(2000);
    await a.close();
    expect(relay.stats().entries).toBeGreaterThan(0);

    const b = await world.openMember(recB, 1);
    await world.advance(2000);
    expect(text(b)).toBe('samizdat no. 7');
    await b.close();
    await relay.close();
  });

  it('follows a rollover it cannot read, and a member who slept through it catches up', async () => {
    const { world, a } = await RelayWorld.create();
    const recB = await world.admit(a, 'Boris', 'member');
    const recR = await world.admit(a, 'relay', 'relay');
    const relay = await world.openRelay(recR, 9, { drainMs: 60_000 });
    await world.advance(500);
    a.sync.doc(DOC).getText('t').insert(0, 'before ');
    await world.advance(1000);
    await a.sync.rollover();
    await world.advance(1000);
    a.sync.doc(DOC).getText('t').insert(7, 'after');
    await world.advance(5000);
    expect(a.sync.status().generation).toBe(1);
    const roomsDuring = relay.stats().rooms;
    await a.close();

    // Past the drain period the relay leaves generation 0 and deletes what it held there.
    await world.advance(120_000);
    expect(relay.stats().rooms).toBeLessThan(roomsDuring);
    const b = await world.openMember(recB, 1);
    await world.advance(15_000);
    expect(b.sync.status().generation).toBe(1);
    expect(text(b)).toBe('before after');
    await b.close();
    await relay.close();
  });

  it('finds the current generation several rollovers ahead from the beacon', async () => {
    const { world, a: first } = await RelayWorld.create();
    const recB = await world.admit(first, 'Boris', 'member');
    const recR = await world.admit(first, 'relay', 'relay');
    // A reopened with a short drain: it leaves old generations while the relay is away.
    await first.close();
    const a = await world.openMember(first.cellRecord, 0, { drainMs: 5000, republishDelayMs: 500 });
    let relay = await world.openRelay(recR, 9);
    await world.advance(500);
    a.sync.doc(DOC).getText('t').insert(0, 'one ');
    await world.advance(1000);
    await relay.close();
    for (const word of ['two ', 'three']) {
      await a.sync.rollover();
      await world.advance(1000);
      a.sync.doc(DOC).getText('t').insert(a.sync.doc(DOC).getText('t').length, word);
      await world.advance(10_000);
    }
    expect(a.sync.status().generation).toBe(2);
    relay = await world.openRelay(recR, 9);
    await world.advance(5000);
    await a.close();
    const b = await world.openMember(recB, 1);
    await world.advance(10_000);
    expect(b.sync.status().generation).toBe(2);
    expect(text(b)).toBe('one two three');
    await b.close();
    await relay.close();
  });

  it('follows a rotation through its sealed notice; a member offline during it catches up', async () => {
    const { world, a } = await RelayWorld.create();
    const recB = await world.admit(a, 'Boris', 'member');
    const recC = await world.admit(a, 'Chen', 'member');
    const recR = await world.admit(a, 'relay', 'relay');
    const relay = await world.openRelay(recR, 9);
    await world.advance(500);
    a.sync.doc(DOC).getText('t').insert(0, 'before ');
    await world.advance(1000);
    expect(await removeMember(a, toHex(recC.identity.signPk))).toEqual({ ok: true, value: 1 });
    await world.advance(1000);
    a.sync.doc(DOC).getText('t').insert(7, 'after');
    await world.advance(5000);
    expect(relay.stats().notices).toBe(1);
    expect(relay.stats().lines).toBe(2);
    // Members keep the notice without opening it: no rejection, no document change.
    expect(a.sync.diagnostics.rejectedTotal()).toBe(0);
    await a.close();

    const b = await world.openMember(recB, 1);
    await world.advance(5000);
    expect(b.sync.status().epoch).toBe(1);
    expect(text(b)).toBe('before after');
    expect(b.sync.diagnostics.rejectedTotal()).toBe(0);
    await b.close();
    await relay.close();
  });
});

describe('blind relay: what it stores', () => {
  const roomOf = (rec: Awaited<ReturnType<RelayWorld['admit']>>, generation: number) => {
    const root = rec.epochKeys.get(0)!;
    return {
      roomName: deriveRoomName(root, rec.cellId, 0, generation),
      password: deriveTransportSecrets(root, rec.cellId, 0).transportSecret,
      signaling: ['ws://127.0.0.1:1'],
    };
  };

  it('keeps only well-formed entries, puts back deleted ones, and still has them after a restart', async () => {
    const { world, a } = await RelayWorld.create();
    const recR = await world.admit(a, 'relay', 'relay');
    let relay = await world.openRelay(recR, 9);
    await world.advance(500);
    a.sync.doc(DOC).getText('t').insert(0, 'kept');
    await world.advance(2000);
    const honest = relay.stats().entries;
    expect(honest).toBeGreaterThan(0);
    // The member leaves: what follows is between the relay and the rogue alone (a member would
    // evict the junk and put the entry back too, racing the relay to it).
    await a.close();

    // A peer with the transport secret (a former member, another relay) writes junk and deletes.
    const rogue = new Y.Doc();
    const wire = rogue.getMap<unknown>('envelopes');
    const room = world.net.transportFor(7).join(roomOf(recR, 0), rogue);
    await world.advance(500);
    const real = Array.from(wire.entries()).find(([, v]) => v instanceof Uint8Array);
    expect(real).toBeDefined();
    const [realKey, realBytes] = real as [string, Uint8Array];
    rogue.transact(() => {
      wire.set('00'.repeat(16), randomBytes(400)); // bytes under a made-up id
      wire.set(envelopeId(randomBytes(297)), randomBytes(297)); // an id of other bytes
      const noVersion = randomBytes(297);
      noVersion[0] = 9;
      wire.set(envelopeId(noVersion), noVersion); // right id, not an envelope
      const odd = randomBytes(300);
      wire.set(envelopeId(odd), odd); // a size no padding produces
      wire.set(relayNoticeKey(randomBytes(121)), randomBytes(121)); // a notice under a wrong id
      wire.set('x', 'a string');
      wire.delete(realKey);
    });
    await world.advance(2000);
    expect(relay.stats().junk).toBeGreaterThanOrEqual(6);
    expect(relay.stats().reinserted).toBeGreaterThan(0);
    expect(relay.stats().entries).toBe(honest);
    expect(wire.get(realKey)).toEqual(realBytes);
    room.close();

    await relay.close();
    relay = await world.openRelay(recR, 9);
    expect(relay.stats().entries).toBe(honest);
    expect(relay.stats().junk).toBe(0);
    await relay.close();
  });

  it('bounds storage per cell: the oldest generation goes first, the current one stays', async () => {
    const { world, a } = await RelayWorld.create();
    const recR = await world.admit(a, 'relay', 'relay');
    const relay = await world.openRelay(recR, 9, { maxBytesPerCell: 40_000 });
    await world.advance(500);
    const write = async (n: number) => {
      for (let i = 0; i < n; i++) {
        a.sync.doc(DOC).getText('t').insert(0, randomHex(1500));
        await world.advance(400);
      }
    };
    await write(10);
    await a.sync.rollover();
    await world.advance(4000);
    await write(10);
    await world.advance(4000);
    const stats = relay.stats();
    expect(stats.evicted).toBeGreaterThan(0);
    expect(stats.bytes).toBeLessThanOrEqual(40_000);
    // Generation 1 (where members write now) is what it still serves to a newcomer.
    const probe = new Y.Doc();
    const room = world.net.transportFor(7).join(roomOf(recR, 1), probe);
    await a.close();
    await world.advance(2000);
    expect(probe.getMap('envelopes').size).toBeGreaterThan(0);
    room.close();
    await relay.close();
  });
});

describe('blind relay: notices and entries it can check without keys', () => {
  it('opens only its own relay wrap for this cell', async () => {
    await sodiumReady();
    const cellId = randomBytes(16);
    const relay = identity('relay');
    const other = identity('other');
    const root = randomBytes(32);
    const wraps = sealEpochWraps(cellId, 3, randomBytes(32), [
      { signPk: relay.signPk, boxPk: relay.boxPk, kind: 'relay' },
      { signPk: other.signPk, boxPk: other.boxPk, kind: 'member' },
    ]);
    if (!wraps.ok) throw new Error(wraps.error);
    const mine = wraps.value.find((w) => w.kind === 'relay')!.sealed;
    const theirs = wraps.value.find((w) => w.kind === 'member')!.sealed;
    const opened = openRelayNotice(mine, cellId, relay);
    expect(opened?.epoch).toBe(3);
    expect(opened?.root.length).toBe(32);
    expect(openRelayNotice(mine, randomBytes(16), relay)).toBeUndefined();
    expect(openRelayNotice(mine, cellId, other)).toBeUndefined();
    // A member wrap sealed to the relay's key is refused: a relay must never take K_e.
    const memberWrap = sealEpochWraps(cellId, 3, root, [
      { signPk: relay.signPk, boxPk: relay.boxPk, kind: 'member' },
    ]);
    if (!memberWrap.ok) throw new Error(memberWrap.error);
    expect(openRelayNotice(memberWrap.value[0]!.sealed, cellId, relay)).toBeUndefined();
    expect(openRelayNotice(theirs, cellId, relay)).toBeUndefined();
    expect(openRelayNotice(randomBytes(121), cellId, relay)).toBeUndefined();
  });

  it('accepts a sealed envelope under its id and nothing else', async () => {
    await sodiumReady();
    const sealed = sealEnvelope({
      contentKey: randomBytes(32),
      cellId: randomBytes(16),
      epoch: 0,
      kind: ENVELOPE_KIND.update,
      docId: DOC,
      author: identity('Anna'),
      seq: 1,
      time: 0,
      body: new Uint8Array(10),
    });
    if (!sealed.ok) throw new Error(sealed.error);
    const { envId, bytes } = sealed.value;
    expect(isRelayableEntry(envId, bytes)).toBe(true);
    expect(
      isRelayableEntry(
        envId.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        bytes,
      ),
    ).toBe(false);
    expect(isRelayableEntry(envId, Array.from(bytes))).toBe(false);
    const cut = bytes.slice(0, bytes.length - 1);
    expect(isRelayableEntry(envelopeId(cut), cut)).toBe(false);
    const notice = randomBytes(121);
    expect(isRelayableEntry(relayNoticeKey(notice), notice)).toBe(true);
    const big = randomBytes(300);
    expect(isRelayableEntry(relayNoticeKey(big), big)).toBe(false);
  });
});

const randomHex = (n: number): string => toHex(randomBytes(Math.ceil(n / 2))).slice(0, n);
