import { describe, expect, it } from 'vitest';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { UnlockGate } from '../../../renderer/shell/UnlockGate.ts';
import { fastVault, PASS, TEST_FLOOR } from '../vault/vaultFixture.ts';

const options = { kdf: argon2idKdf, floor: TEST_FLOOR };

/** A gate on a hand-set clock whose sleeps are recorded and advance that clock. */
function gateWithClock(): {
  gate: UnlockGate;
  sleeps: number[];
  advance: (ms: number) => void;
} {
  let now = 5_000_000;
  const sleeps: number[] = [];
  const gate = new UnlockGate(
    () => now,
    (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  );
  return { gate, sleeps, advance: (ms) => (now += ms) };
}

describe('UnlockGate', () => {
  it('opens the real vault with the right passphrase, without any delay', async () => {
    const { storage } = await fastVault();
    const { gate, sleeps } = gateWithClock();
    const opened = await gate.unlock(storage, PASS, options);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.value.locked).toBe(false);
    expect(gate.retryInMs()).toBe(0);
    expect(sleeps.every((ms) => ms === 0)).toBe(true);
  });

  it('gives one generic error, counts down from the failure, and does not wait twice', async () => {
    const { storage } = await fastVault();
    const { gate, sleeps, advance } = gateWithClock();
    const first = await gate.unlock(storage, 'wrong', options);
    expect(first).toEqual({ ok: false, error: 'unlock_failed' });
    expect(gate.failures).toBe(1);
    expect(gate.retryInMs()).toBe(1000);
    advance(400);
    expect(gate.retryInMs()).toBe(600);
    advance(600);
    expect(gate.retryInMs()).toBe(0);
    // The countdown already ran out: the attempt is not delayed again.
    sleeps.length = 0;
    await gate.unlock(storage, 'still wrong', options);
    expect(sleeps).toEqual([0]);
    expect(gate.failures).toBe(2);
    expect(gate.retryInMs()).toBe(2000);
  });

  it('an attempt before the countdown ends waits for the rest of it', async () => {
    const { storage } = await fastVault();
    const { gate, sleeps, advance } = gateWithClock();
    await gate.unlock(storage, 'wrong', options);
    await gate.unlock(storage, 'wrong', options);
    expect(gate.retryInMs()).toBe(2000);
    advance(500);
    sleeps.length = 0;
    const opened = await gate.unlock(storage, PASS, options);
    expect(sleeps).toEqual([1500]);
    expect(opened.ok).toBe(true);
    expect(gate.failures).toBe(0);
    expect(gate.retryInMs()).toBe(0);
  });

  it('treats a missing vault like a wrong passphrase', async () => {
    const { storage } = await fastVault();
    await storage.wipe();
    const { gate } = gateWithClock();
    expect(await gate.unlock(storage, PASS, options)).toEqual({
      ok: false,
      error: 'unlock_failed',
    });
    expect(gate.retryInMs()).toBe(1000);
  });
});
