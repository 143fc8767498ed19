import { beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual, toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import type { Welcome } from '../../../shared/invite/Welcome.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { TestCell, type TestInvite } from './joinFixture.ts';
import { deferred, startHost, startJoiner, world, type World } from './joinHarness.ts';

/**
 * Issue 13, item 1: whoever intercepts an invite code can answer the join request first with a
 * welcome for a cell they made up (same cell name, their own coordinator under the same
 * pseudonym). The welcome is genuine in every way the joiner could check from the welcome alone:
 * sealed to the joiner, signed by a coordinator of the roster it carries, which admits the joiner
 * through this invite. Only the code can tell it apart.
 */

const URLS = ['ws://127.0.0.1:4444'];

beforeAll(async () => {
  await sodiumReady();
});

/**
 * The interceptor's own cell: the same cell name, a coordinator under the real one's pseudonym,
 * and the intercepted invite's id registered as its own invite.
 */
function madeUpCell(real: TestCell, invite: TestInvite): TestCell {
  const forged = new TestCell(URLS, real.coordinator.pseudonym);
  forged.post({
    type: 'invite',
    inviteId: invite.inviteId,
    role: invite.role,
    expiresAt: invite.expiresAt,
  });
  return forged;
}

/** The interceptor hosts the intercepted code from its own cell and approves at once. */
function interceptor(w: World, real: TestCell, invite: TestInvite, peer: number): TestCell {
  const forged = madeUpCell(real, invite);
  startHost(w, forged, invite, peer);
  return forged;
}

const cellOf = (welcome: Welcome | undefined): Uint8Array | undefined => welcome?.cellId;

describe('an interceptor answering with a made-up cell', () => {
  it('control: the forged welcome is a welcome its own roster fully supports', async () => {
    const w = world(11);
    const real = new TestCell(URLS);
    const invite = real.invite();
    const forged = madeUpCell(real, invite);
    let made: Welcome | undefined;
    startHost(w, forged, invite, 1, {
      makeWelcome: async (request, admission) => {
        const m = await forged.makeWelcome(request, admission);
        made = m?.welcome;
        return m;
      },
    });
    const joiner = startJoiner(w, invite.code, 2, { timeoutMs: 30_000 });
    await w.run(5_000);
    // The interceptor admitted the joiner in its own roster, under the same cell name.
    expect(made).toBeDefined();
    const roster = computeRoster(forged.ops.values(), { cellId: forged.cellId });
    expect(roster.cellName).toBe(real.roster().cellName);
    const admitted = roster.members.get(toHex(joiner.id.signPk));
    expect(admitted?.boxPk).toEqual(joiner.id.boxPk);
    expect(roster.members.get(toHex(forged.coordinator.signPk))?.role).toBe('coordinator');
    await w.run(30_000);
    expect(joiner.result()).toBeDefined();
  });

  it('is refused: the joiner never enters the made-up cell, and learns a forgery was refused', async () => {
    const w = world(12);
    const real = new TestCell(URLS);
    const invite = real.invite();
    const forged = interceptor(w, real, invite, 1);
    const joiner = startJoiner(w, invite.code, 2, { timeoutMs: 30_000 });
    await w.run(5_000);
    // The interceptor's host did send a welcome (its own checks pass on its own roster)...
    expect(forged.makeWelcomeCalls).toBe(1);
    expect(joiner.result()).toBeUndefined();
    // ...and the joiner refused it with no human step, and says so.
    expect(joiner.states.map((s) => s.status)).toContain('forged_welcome');
    expect(joiner.counters.snapshot()['dropped.welcome.commitment_mismatch']).toBe(1);
    await w.run(30_000);
    const r = joiner.result();
    expect(r?.ok).toBe(false);
    expect(r).toEqual({ ok: false, error: 'forged_welcome' });
    expect(joiner.transport.closes).toBe(1);
  });

  it('the real coordinator still admits the joiner after the forgery was refused', async () => {
    const w = world(13);
    const real = new TestCell(URLS, 'Anna');
    const invite = real.invite();
    interceptor(w, real, invite, 1);
    const approval = deferred<{ approve: true; historyAccess: boolean }>();
    startHost(w, real, invite, 3, { decide: () => approval.promise });
    const joiner = startJoiner(w, invite.code, 2, { timeoutMs: 60_000 });
    await w.run(5_000);
    expect(joiner.result()).toBeUndefined();
    // The real coordinator compares words, then approves.
    approval.resolve({ approve: true, historyAccess: false });
    await w.run(5_000);
    const r = joiner.result();
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(bytesEqual(cellOf(r.value.welcome) ?? new Uint8Array(), real.cellId)).toBe(true);
    expect(bytesEqual(r.value.coordinatorSignPk, real.coordinator.signPk)).toBe(true);
    expect(r.value.coordinatorSafetyWords).toEqual(
      safetyWords(real.coordinator.signPk, real.coordinator.boxPk),
    );
  });

  it('a relay welcome for a made-up cell is refused too (it carries no roster to check)', async () => {
    const w = world(14);
    const real = new TestCell(URLS);
    const invite = real.invite('relay');
    interceptor(w, real, invite, 1);
    const joiner = startJoiner(w, invite.code, 2, { timeoutMs: 30_000 });
    await w.run(40_000);
    expect(joiner.result()).toEqual({ ok: false, error: 'forged_welcome' });
  });
});
