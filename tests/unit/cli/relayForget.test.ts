import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bytesEqual, toHex } from '../../../shared/crypto/bytes.ts';
import {
  deriveEpochSecrets,
  deriveRoomName,
  deriveTransportSecrets,
} from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { sealEpochWraps } from '../../../shared/roster/sealEpochWraps.ts';
import { removeMember } from '../../../shared/runtime/cellGovernance.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { openRelayForget, relayForgetNotice } from '../../../shared/sync/relayForget.ts';
import { relayNoticeKey } from '../../../shared/sync/relayNotice.ts';
import type { SealedStore } from '../../../shared/vault/SealedStore.ts';
import type { RelayWorld } from './relayFixture.ts';
import { DOC, RelayWorld as World } from './relayFixture.ts';

const MIN = 60_000;
const FORGET_DELAY = 5 * MIN;

/** Every byte string the relay's vault holds (its store is a sealed store like a member's). */
async function relayRows(store: SealedStore): Promise<Uint8Array[]> {
  const rows: Uint8Array[] = [];
  for (const t of ['secrets', 'cells', 'envelopes', 'snapshots', 'settings'] as const)
    for (const r of await store.scan(t)) rows.push(r.value);
  return rows;
}

const holds = (rows: readonly Uint8Array[], needle: Uint8Array): boolean =>
  rows.some((r) => {
    outer: for (let i = 0; i + needle.length <= r.length; i++) {
      for (let j = 0; j < needle.length; j++) if (r[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  });

/**
 * Someone outside the cell's current rooms who holds a transport root (a removed member) posts a
 * raw entry into a room of that root, as any y-webrtc peer with the room's password can.
 */
async function postWithRoot(
  world: RelayWorld,
  peer: number,
  record: CellRecord,
  root: Uint8Array,
  epoch: number,
  entries: ReadonlyArray<readonly [string, Uint8Array]>,
): Promise<void> {
  const doc = new Y.Doc();
  const room = world.net.transportFor(peer).join(
    {
      roomName: deriveRoomName(root, record.cellId, epoch, 0),
      password: deriveTransportSecrets(root, record.cellId, epoch).transportSecret,
      signaling: record.signaling,
      iceServers: record.iceServers,
      relayOnly: false,
    },
    doc,
  );
  const map = doc.getMap('envelopes');
  for (const [k, v] of entries) map.set(k, v);
  await world.advance(3000);
  room.close();
  doc.destroy();
}

/** Anna (coordinator), Boris, Chen and a relay; a sentence in epoch 0; Chen removed (epoch 1). */
async function cellWithRelay() {
  const { world, a } = await World.create();
  const recB = await world.admit(a, 'Boris', 'member');
  const recC = await world.admit(a, 'Chen', 'member');
  const recR = await world.admit(a, 'relay', 'relay');
  const relay = await world.openRelay(recR, 9, { forgetDelayMs: FORGET_DELAY });
  const b = await world.openMember(recB, 1);
  await world.advance(1000);
  a.sync.doc(DOC).getText('t').insert(0, 'epoch zero text');
  await world.advance(2000);
  const epoch0Rows = await relayRows(await world.store('relay'));
  expect(relay.stats().entries).toBeGreaterThan(0);
  const k0 = a.cellRecord.epochKeys.get(0)!;
  const root0 = deriveEpochSecrets(k0, a.cellRecord.cellId, 0).transportRoot;
  expect(await removeMember(a, toHex(recC.identity.signPk))).toEqual({ ok: true, value: 1 });
  await world.advance(5000);
  expect(relay.stats().lines).toBe(2);
  // What the relay holds of epoch 0 (its rows then, minus its state): a's envelopes.
  const k1 = a.cellRecord.epochKeys.get(1)!;
  return { world, a, b, relay, recC, root0, k1, epoch0Rows };
}

describe('blind relay: forget notices (history horizon)', () => {
  it('forgets the epochs below the horizon once the members passed it, and nothing before', async () => {
    await sodiumReady();
    const { world, a, b, relay, epoch0Rows } = await cellWithRelay();
    const envelopes = epoch0Rows.filter((r) => r.length > 256);
    expect(envelopes.length).toBeGreaterThan(0);
    // Members acknowledge and forget epoch 0 after the settle time, then post the notice.
    await world.advance(11 * MIN);
    for (const rt of [a, b]) expect(rt.cellRecord.horizonFloor).toBe(1);
    expect(relay.stats().forgetNotices).toBe(1);
    expect(relay.stats().lines).toBe(2);
    await world.advance(FORGET_DELAY + MIN);
    expect(relay.stats().forgotten).toBe(1);
    expect(relay.stats().lines).toBe(1);
    const rows = await relayRows(await world.store('relay'));
    for (const env of envelopes) expect(holds(rows, env)).toBe(false);
    // Epoch 1 goes on through the relay.
    a.sync.doc(DOC).getText('t').insert(0, 'one ');
    await world.advance(3000);
    expect(b.sync.doc(DOC).getText('t').toJSON()).toBe('one epoch zero text');
    for (const rt of [a, b]) await rt.close();
    await relay.close();
  });

  it('refuses a notice proven with the old root only (a removed member): nothing changes', async () => {
    const { world, a, b, relay, recC, root0 } = await cellWithRelay();
    // Chen holds epoch 0's root; epoch 1's room is unknown to him. He asks, in epoch 0's room,
    // for epoch 0 to go (claiming epoch 1), and for everything below 0's successor.
    const cellId = recC.cellId;
    const forged = [
      relayForgetNotice(root0, cellId, 1, 1)!,
      relayForgetNotice(root0, cellId, 0, 0) ?? randomBytes(36),
      relayForgetNotice(root0, cellId, 7, 1)!,
    ];
    expect(forged.every((f) => f.length === 36)).toBe(true);
    await postWithRoot(
      world,
      5,
      recC,
      root0,
      0,
      forged.map((f) => [relayNoticeKey(f), f]),
    );
    expect(relay.stats().forgetRefused).toBe(3);
    expect(relay.stats().forgetNotices).toBe(0);
    // Past the delay, before the members' own horizon (10 minutes after the rotation).
    await world.advance(FORGET_DELAY + MIN);
    expect(relay.stats().lines).toBe(2);
    expect(relay.stats().forgotten).toBe(0);
    for (const rt of [a, b]) await rt.close();
    await relay.close();
  });

  it('never acts on a root forged through a made-up rotation notice while the real one is there', async () => {
    const { world, a, b, relay, recC, root0 } = await cellWithRelay();
    // Chen seals a rotation notice of his own to the relay's (public) box key: a made-up root
    // for epoch 1, then proves a forget notice with it in that made-up epoch's room.
    const relayMember = Array.from(a.currentRoster().members.values()).find(
      (m) => m.role === 'relay',
    )!;
    const fakeKey = randomBytes(32);
    const wraps = sealEpochWraps(recC.cellId, 1, fakeKey, [
      { signPk: relayMember.signPk, boxPk: relayMember.boxPk, kind: 'relay' },
    ]);
    if (!wraps.ok) throw new Error(wraps.error);
    const fakeNotice = wraps.value[0]!.sealed;
    await postWithRoot(world, 5, recC, root0, 0, [[relayNoticeKey(fakeNotice), fakeNotice]]);
    expect(relay.stats().lines).toBe(3);
    const fakeRoot = deriveEpochSecrets(fakeKey, recC.cellId, 1).transportRoot;
    const forget = relayForgetNotice(fakeRoot, recC.cellId, 1, 1)!;
    expect(openRelayForget(forget, fakeRoot, recC.cellId, 1)).toBe(1);
    await postWithRoot(world, 5, recC, fakeRoot, 1, [[relayNoticeKey(forget), forget]]);
    expect(relay.stats().forgetNotices).toBeGreaterThanOrEqual(1);
    await world.advance(FORGET_DELAY * 4);
    // Two roots for epoch 1: the relay cannot tell which is real, so it forgets nothing early.
    expect(relay.stats().forgotten).toBe(0);
    const k0Line = relay.stats().lines;
    expect(k0Line).toBe(3);
    for (const rt of [a, b]) await rt.close();
    await relay.close();
  });
});

describe('forget notice format', () => {
  it('binds the proof to root, cell, epoch and the epoch asked for', async () => {
    await sodiumReady();
    const root = randomBytes(32);
    const cellId = randomBytes(16);
    const n = relayForgetNotice(root, cellId, 5, 4)!;
    expect(openRelayForget(n, root, cellId, 5)).toBe(4);
    expect(openRelayForget(n, randomBytes(32), cellId, 5)).toBeUndefined();
    expect(openRelayForget(n, root, randomBytes(16), 5)).toBeUndefined();
    expect(openRelayForget(n, root, cellId, 6)).toBeUndefined();
    for (let i = 0; i < n.length; i++) {
      const f = n.slice();
      f[i] = (f[i] ?? 0) ^ 1;
      expect(openRelayForget(f, root, cellId, 5), `byte ${i}`).toBeUndefined();
    }
    // Never for the proving epoch itself or above, never for epoch 0.
    expect(relayForgetNotice(root, cellId, 5, 6)).toBeUndefined();
    expect(relayForgetNotice(root, cellId, 5, 0)).toBeUndefined();
    expect(bytesEqual(relayForgetNotice(root, cellId, 5, 5)!, n)).toBe(false);
  });
});
