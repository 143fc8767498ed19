import type { Scheduler } from '../shared/sync/Scheduler.ts';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fn: () => void;
}

/** Yields to the event loop so the engine's promise chains (store writes, publishes) settle. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Virtual time for replaying a trace through the real engine: the engine's batching, checkpoint
 * and rollover timers fire in (time, creation) order as the replay moves the clock forward, so
 * 20 hours of typing replay in seconds and with exactly the app's batching decisions.
 */
export class FakeClock implements Scheduler {
  private time: number;
  private order = 0;
  private readonly timers = new Map<number, Timer>();

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.order;
    this.timers.set(id, { at: this.time + Math.max(0, ms), order: id, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.timers.delete(handle);
  }

  private nextDue(until: number): Timer | undefined {
    let bestId = -1;
    let best: Timer | undefined;
    for (const [id, t] of this.timers) {
      if (t.at > until) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.order < best.order)) {
        best = t;
        bestId = id;
      }
    }
    if (best) this.timers.delete(bestId);
    return best;
  }

  /** Fires every timer due up to `until` (settling after each), then sets the clock there. */
  async advanceTo(until: number): Promise<void> {
    for (;;) {
      const t = this.nextDue(until);
      if (!t) break;
      this.time = Math.max(this.time, t.at);
      t.fn();
      await settle();
    }
    this.time = Math.max(this.time, until);
  }

  get pending(): number {
    return this.timers.size;
  }
}
