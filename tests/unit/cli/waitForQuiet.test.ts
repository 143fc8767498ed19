import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { waitForQuiet, type QuietProbe } from '../../../node/cli/waitForQuiet.ts';

/** A probe whose readings the test sets, as the engine and transport would report them. */
function probe(): QuietProbe & { moved: number; peerCount: number; unsent: number } {
  return {
    moved: 0,
    peerCount: 1,
    unsent: 0,
    progress() {
      return String(this.moved);
    },
    peers() {
      return this.peerCount;
    },
    unsentBytes() {
      return this.unsent;
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const OPTS = { quietMs: 2000, timeoutMs: 60_000, pollMs: 100 };

describe('waitForQuiet', () => {
  it('ends 2 s after the last movement once a peer is there', async () => {
    const p = probe();
    let outcome: string | undefined;
    void waitForQuiet(p, OPTS).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(1000);
    p.moved++;
    await vi.advanceTimersByTimeAsync(1500);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(outcome).toBe('quiet');
  });

  // The CLI relay scenario lost a large draft this way: the update was still leaving in frames
  // when nothing had arrived for 2 s, and `quire sync` exited 0 with it unsent.
  it('does not end while bytes of ours are still to send, however long nothing arrives', async () => {
    const p = probe();
    p.unsent = 1_000_000;
    let outcome: string | undefined;
    void waitForQuiet(p, OPTS).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(outcome).toBeUndefined();
    p.unsent = 0;
    await vi.advanceTimersByTimeAsync(1900);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(300);
    expect(outcome).toBe('quiet');
  });

  it('times out when no peer is ever reached, and when the sending never ends', async () => {
    const alone = probe();
    alone.peerCount = 0;
    const stuck = probe();
    stuck.unsent = 5;
    const outcomes = Promise.all([waitForQuiet(alone, OPTS), waitForQuiet(stuck, OPTS)]);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(await outcomes).toEqual(['timeout', 'timeout']);
  });
});
