import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../node/signal/TokenBucket.ts';
import { resolveSignalLimits, defaultSignalLimits } from '../../../node/signal/SignalLimits.ts';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the configured rate, never above the burst', () => {
    let t = 0;
    const bucket = new TokenBucket(10, 3, () => t);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    t += 100; // 10/s -> one token
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    t += 60_000;
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('does not mint tokens when the clock goes backwards', () => {
    let t = 1000;
    const bucket = new TokenBucket(10, 1, () => t);
    expect(bucket.take()).toBe(true);
    t = 0;
    expect(bucket.take()).toBe(false);
  });
});

describe('resolveSignalLimits', () => {
  it('uses the documented defaults and accepts only positive finite overrides', () => {
    expect(resolveSignalLimits()).toEqual(defaultSignalLimits);
    expect(defaultSignalLimits.maxMessageBytes).toBe(256 * 1024);
    const r = resolveSignalLimits({ maxConnections: 2, maxTopicLength: 0, heartbeatMs: Infinity });
    expect(r.maxConnections).toBe(2);
    expect(r.maxTopicLength).toBe(defaultSignalLimits.maxTopicLength);
    expect(r.heartbeatMs).toBe(defaultSignalLimits.heartbeatMs);
  });
});
