import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Scheduler } from '../../../shared/sync/Scheduler.ts';
import { DEFAULT_SYNC_LIMITS } from '../../../shared/sync/SyncLimits.ts';
import { UpdateBatcher, type BatchLimits } from '../../../shared/sync/UpdateBatcher.ts';

/** A synchronous clock: timers fire in time order when the test moves it. */
class Clock implements Scheduler {
  time = 0;
  private next = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  now = (): number => this.time;
  setTimeout = (fn: () => void, ms: number): unknown => {
    this.timers.set(++this.next, { at: this.time + ms, fn });
    return this.next;
  };
  clearTimeout = (h: unknown): void => void this.timers.delete(h as number);
  get armed(): number {
    return this.timers.size;
  }
  to(t: number): void {
    for (;;) {
      const due = [...this.timers]
        .filter(([, x]) => x.at <= t)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = t;
  }
}

const LIMITS: BatchLimits = DEFAULT_SYNC_LIMITS.batch;

/** A doc whose local updates go through a batcher; `type(at)` appends a character at time `at`. */
function setup(limits: BatchLimits = LIMITS) {
  const clock = new Clock();
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const emitted: { at: number; update: Uint8Array }[] = [];
  const batcher = new UpdateBatcher(limits, clock, (update) =>
    emitted.push({ at: clock.time, update }),
  );
  doc.on('update', (u: Uint8Array) => batcher.push(u));
  const type = (at: number, ch = 'x'): void => {
    clock.to(at);
    text.insert(text.length, ch);
  };
  return { clock, doc, text, emitted, batcher, type };
}

describe('UpdateBatcher (adaptive windows)', () => {
  it('sends the first edit after quiet at once, then grows windows while typing goes on', () => {
    const { clock, emitted, batcher, type } = setup();
    type(10_000);
    expect(batcher.currentWindowMs).toBe(LIMITS.firstWindowMs);
    clock.to(10_000 + LIMITS.firstWindowMs);
    expect(emitted.map((e) => e.at)).toEqual([10_000 + LIMITS.firstWindowMs]);
    // Continuous typing every 100 ms: windows of 250, 500, then 1000 ms at most.
    for (let t = 10_100; t <= 14_000; t += 100) type(t);
    clock.to(20_000);
    // (A timer due at the instant of a keystroke fires first: that keystroke opens the next batch.)
    expect(emitted.map((e) => e.at)).toEqual([
      10_016, 10_350, 10_900, 11_900, 12_900, 13_900, 14_900,
    ]);
    // The merged updates rebuild the text exactly.
    const copy = new Y.Doc();
    for (const e of emitted) Y.applyUpdate(copy, e.update);
    expect(copy.getText('t').toJSON()).toBe('x'.repeat(41));
  });

  it('never holds an edit longer than maxWindowMs', () => {
    const { clock, emitted, type } = setup();
    const typedAt: number[] = [];
    let t = 1000;
    for (let i = 0; i < 200; i++) {
      t += 30 + ((i * 37) % 400); // irregular typing, gaps 30-430 ms
      type(t);
      typedAt.push(t);
    }
    clock.to(t + 5000);
    let k = 0;
    for (const e of emitted) {
      const copy = new Y.Doc();
      for (const f of emitted.slice(0, emitted.indexOf(e) + 1)) Y.applyUpdate(copy, f.update);
      const have = copy.getText('t').length;
      for (; k < have; k++) expect(e.at - typedAt[k]!).toBeLessThanOrEqual(LIMITS.maxWindowMs);
    }
    expect(k).toBe(200);
  });

  it('starts a new burst (fast again) after idleMs of quiet', () => {
    const { clock, emitted, batcher, type } = setup();
    for (let t = 0; t <= 3000; t += 150) type(t);
    clock.to(4000);
    expect(batcher.currentWindowMs).toBe(LIMITS.maxWindowMs);
    const before = emitted.length;
    type(3000 + LIMITS.idleMs + 1);
    expect(batcher.currentWindowMs).toBe(LIMITS.firstWindowMs);
    clock.to(3000 + LIMITS.idleMs + 1 + LIMITS.firstWindowMs);
    expect(emitted.length).toBe(before + 1);
  });

  it('arms one timer per batch, not one per keystroke', () => {
    const { clock, type } = setup();
    type(0);
    clock.to(LIMITS.firstWindowMs);
    for (let t = 20; t < 200; t += 10) type(t);
    expect(clock.armed).toBe(1);
  });

  it('flushes at once past maxUpdates, and cancel drops what is held', () => {
    const limits = { ...LIMITS, maxUpdates: 5 };
    const { clock, emitted, batcher, type } = setup(limits);
    type(0);
    clock.to(LIMITS.firstWindowMs);
    for (let t = 20; t <= 60; t += 10) type(t);
    expect(emitted.length).toBe(2);
    type(70);
    expect(batcher.size).toBe(1);
    batcher.cancel();
    clock.to(10_000);
    expect(emitted.length).toBe(2);
    expect(batcher.size).toBe(0);
  });
});
