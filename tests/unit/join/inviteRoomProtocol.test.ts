import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import { decodeInviteRoomMessage } from '../../../shared/invite/decodeInviteRoomMessage.ts';
import { openWelcome } from '../../../shared/invite/openWelcome.ts';
import type { Decision } from '../../../shared/join/InviteHost.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { deferred, startHost, startJoiner, world } from './joinHarness.ts';
import { identity, rawPeer, TestCell } from './joinFixture.ts';

const URLS = ['ws://127.0.0.1:4444'];

beforeAll(async () => {
  await sodiumReady();
});

/** Welcome frames in a raw peer's copy of the room. */
function welcomeBodies(map: Map<string, unknown> | { values(): IterableIterator<unknown> }) {
  const out: Uint8Array[] = [];
  for (const v of map.values()) {
    if (!(v instanceof Uint8Array)) continue;
    const m = decodeInviteRoomMessage(v);
    if (m.ok && m.value.kind === 'welcome') out.push(m.value.body);
  }
  return out;
}

describe('invite room: approval', () => {
  it('admits the joiner: the welcome opens only with its box key and names the coordinator', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const host = startHost(w, cell, invite, 1);
    const eve = rawPeer(w.net.transportFor(9), invite.secret, URLS);
    const joiner = startJoiner(w, invite.code, 2);
    await w.run(2_000);

    const r = joiner.result();
    if (!r?.ok) throw new Error(`join failed: ${JSON.stringify(r)}`);
    expect(r.value.coordinatorSignPk).toEqual(cell.coordinator.signPk);
    expect(r.value.coordinatorSafetyWords).toEqual(
      safetyWords(cell.coordinator.signPk, cell.coordinator.boxPk),
    );
    const welcome = r.value.welcome;
    expect(welcome.variant).toBe('member');
    expect(welcome.cellId).toEqual(cell.cellId);
    expect(welcome.variant === 'member' && welcome.epochKeys).toEqual([
      { epoch: 0, key: cell.epochKey },
    ]);
    // The coordinator was shown the joiner's own safety words, once.
    expect(host.asked).toHaveLength(1);
    expect(host.asked[0]?.pseudonym).toBe('Olena');
    expect(host.asked[0]?.safetyWords).toEqual(safetyWords(joiner.id.signPk, joiner.id.boxPk));
    expect(cell.makeWelcomeCalls).toBe(1);
    // The cell's roster (and the welcome's) now has the joiner, admitted by this coordinator.
    const member = cell.roster().members.get(toHex(joiner.id.signPk));
    expect(member).toMatchObject({ role: 'member', admittedBy: toHex(cell.coordinator.signPk) });
    expect(member?.joinedAt).toBe(welcome.admitOpId);
    if (welcome.variant !== 'member') throw new Error('variant');
    const roster = computeRoster(welcome.rosterOps, { cellId: welcome.cellId });
    expect(roster.members.has(toHex(joiner.id.signPk))).toBe(true);
    expect(joiner.states.map((s) => s.status)).toEqual(['waiting_for_approval', 'approved']);
    expect(host.handle.state()).toBe('used');
    expect(host.events.map((e) => e.type)).toEqual(['request', 'answered']);

    // Someone else in the room (holding s) sees the welcome frame but cannot open it.
    const bodies = welcomeBodies(eve.map);
    expect(bodies).toHaveLength(1);
    const outsider = identity('Eve');
    expect(openWelcome(bodies[0]!, outsider, invite.inviteId)).toMatchObject({
      ok: false,
      error: 'decrypt_failed',
    });
    expect(openWelcome(bodies[0]!, joiner.id, invite.inviteId).ok).toBe(true);
    // The joiner left the room on its way out.
    expect(joiner.transport.joins).toBe(1);
    expect(joiner.transport.closes).toBe(1);
    host.handle.close();
    expect(host.transport.closes).toBe(1);
  });

  it('denies: the joiner gets denied after the grace period, and nobody is admitted', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const host = startHost(w, cell, invite, 1, {
      decide: () => Promise.resolve({ approve: false }),
    });
    const joiner = startJoiner(w, invite.code, 2, { noticeGraceMs: 3_000 });
    await w.run(1_000);
    // The UI learns at once; the promise waits for a welcome that might still override.
    expect(joiner.states.map((s) => s.status)).toEqual(['waiting_for_approval', 'denied']);
    expect(joiner.result()).toBeUndefined();
    await w.run(3_000);
    expect(joiner.result()).toEqual({ ok: false, error: 'denied' });
    expect(cell.makeWelcomeCalls).toBe(0);
    expect(cell.roster().members.size).toBe(1);
    expect(host.handle.state()).toBe('open');
    expect(joiner.transport.closes).toBe(1);
    host.handle.close();
  });
});

describe('invite room: expiry by the coordinator clock', () => {
  it('answers expired when the coordinator clock is past expiresAt, whatever the joiner clock says', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member', 50_000);
    // The joiner's clock is at 0 (it thinks the code is fresh); the coordinator's is past expiry.
    const host = startHost(w, cell, invite, 1, { now: () => 50_001 });
    const joiner = startJoiner(w, invite.code, 2);
    await w.run(3_000);
    expect(joiner.result()).toEqual({ ok: false, error: 'expired' });
    expect(host.asked).toHaveLength(0);
    expect(cell.makeWelcomeCalls).toBe(0);
    expect(host.handle.state()).toBe('expired');
    // Shown to the coordinator anyway, as answered.
    expect(host.events.map((e) => e.type)).toEqual(['request', 'answered']);
    host.handle.close();
  });

  it('answers expired when the approval comes after expiresAt', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member', 5_000);
    const answer = deferred<Decision>();
    const host = startHost(w, cell, invite, 1, { decide: () => answer.promise });
    const joiner = startJoiner(w, invite.code, 2);
    await w.run(1_000);
    expect(host.asked).toHaveLength(1);
    await w.run(5_000); // the coordinator hesitates past expiry
    answer.resolve({ approve: true, historyAccess: false });
    await w.run(3_000);
    expect(joiner.result()).toEqual({ ok: false, error: 'expired' });
    expect(cell.makeWelcomeCalls).toBe(0);
    host.handle.close();
  });
});

describe('invite room: single use', () => {
  it('answers used to a second joiner after the first was admitted; it never gets a welcome', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const host = startHost(w, cell, invite, 1);
    const first = startJoiner(w, invite.code, 2);
    await w.run(2_000);
    expect(first.result()?.ok).toBe(true);
    const second = startJoiner(w, invite.code, 3);
    await w.run(3_000);
    expect(second.result()).toEqual({ ok: false, error: 'used' });
    expect(host.asked).toHaveLength(1);
    expect(cell.makeWelcomeCalls).toBe(1);
    // It saw the first joiner's welcome and could not open it.
    expect(second.counters.dropped.get('welcome.decrypt_failed')).toBe(1);
    expect(second.states.map((s) => s.status)).toEqual(['waiting_for_approval', 'used']);
    host.handle.close();
  });

  it('admits only one of two concurrent approvals; the other gets used', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const answers = [deferred<Decision>(), deferred<Decision>()];
    let n = 0;
    const host = startHost(w, cell, invite, 1, { decide: () => answers[n++]!.promise });
    const a = startJoiner(w, invite.code, 2);
    const b = startJoiner(w, invite.code, 3);
    await w.run(1_000);
    expect(host.asked).toHaveLength(2);
    for (const d of answers) d.resolve({ approve: true, historyAccess: true });
    await w.run(3_000);
    const results = [a.result(), b.result()];
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.filter((r) => !r?.ok)).toEqual([{ ok: false, error: 'used' }]);
    expect(cell.makeWelcomeCalls).toBe(1);
    host.handle.close();
  });

  it('answers revoked to waiting and later joiners once retired', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const never = deferred<Decision>();
    const host = startHost(w, cell, invite, 1, { decide: () => never.promise });
    const joiner = startJoiner(w, invite.code, 2);
    await w.run(1_000);
    host.handle.retire('revoked');
    await w.run(2_000);
    expect(joiner.result()).toEqual({ ok: false, error: 'revoked' });
    never.resolve({ approve: true, historyAccess: false });
    const late = startJoiner(w, invite.code, 3);
    await w.run(2_000);
    expect(late.result()).toEqual({ ok: false, error: 'revoked' });
    expect(cell.makeWelcomeCalls).toBe(0);
    expect(host.handle.state()).toBe('revoked');
    host.handle.close();
  });

  it('never sends a welcome the joiner would refuse (wrong keys from makeWelcome)', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const invite = cell.invite('member');
    const other = identity('Other');
    const host = startHost(w, cell, invite, 1, {
      makeWelcome: async (req, a) => {
        const made = await cell.makeWelcome(req, a);
        return made && { welcome: { ...made.welcome, joinerBoxPk: other.boxPk } };
      },
    });
    const eve = rawPeer(w.net.transportFor(9), invite.secret, URLS);
    const joiner = startJoiner(w, invite.code, 2, { timeoutMs: 5_000 });
    await w.run(6_000);
    expect(host.events.find((e) => e.type === 'admit_failed')).toMatchObject({
      reason: 'welcome_mismatch',
    });
    expect(welcomeBodies(eve.map)).toHaveLength(0);
    expect(joiner.result()).toEqual({ ok: false, error: 'timeout' });
    expect(host.handle.state()).toBe('used');
    host.handle.close();
  });
});
