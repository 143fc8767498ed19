import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { openVault } from '../../../shared/vault/openVault.ts';
import { unlockDelayMs, UnlockThrottle } from '../../../shared/vault/UnlockThrottle.ts';
import { err, ok } from '../../../shared/util/result.ts';
import { fastVault, PASS, recordingThrottle, TEST_FLOOR } from './vaultFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

describe('unlock throttle', () => {
  it('grows 0, 1, 2, 4, 8, 16 s then caps at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50, 10_000].map(unlockDelayMs)).toEqual([
      0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('openVault waits the growing delay before each attempt and resets on success', async () => {
    const { storage } = await fastVault();
    const { throttle, delays } = recordingThrottle();
    const o = { kdf: argon2idKdf, floor: TEST_FLOOR, throttle };
    for (let i = 0; i < 4; i++) expect((await openVault(storage, 'guess', o)).ok).toBe(false);
    expect(delays).toEqual([1000, 2000, 4000]); // the first attempt is not delayed
    expect(throttle.failures).toBe(4);
    expect((await openVault(storage, PASS, o)).ok).toBe(true);
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(throttle.failures).toBe(0);
    expect((await openVault(storage, 'guess', o)).ok).toBe(false);
    expect(delays).toHaveLength(4); // reset: no delay after a success
  });

  it('serialises parallel attempts so they cannot skip the delay', async () => {
    const order: string[] = [];
    const throttle = new UnlockThrottle((ms) => {
      order.push(`sleep ${ms}`);
      return Promise.resolve();
    });
    const attempt = (name: string) => async () => {
      order.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, 5));
      order.push(`end ${name}`);
      return err('x');
    };
    await Promise.all([
      throttle.run(attempt('a')),
      throttle.run(attempt('b')),
      throttle.run(attempt('c')),
    ]);
    expect(order).toEqual([
      'start a',
      'end a',
      'sleep 1000',
      'start b',
      'end b',
      'sleep 2000',
      'start c',
      'end c',
    ]);
  });

  it('counts an attempt that throws as a failure and keeps working', async () => {
    const { throttle, delays } = recordingThrottle();
    await expect(throttle.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(throttle.failures).toBe(1);
    expect(await throttle.run(() => Promise.resolve(ok(1)))).toEqual(ok(1));
    expect(delays).toEqual([1000]);
  });
});
