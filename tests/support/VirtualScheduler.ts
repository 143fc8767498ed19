import type { Scheduler } from '../../shared/sync/Scheduler.ts';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fn: () => void;
}

/** Virtual time for seeded simulations: timers fire in (time, creation) order when advanced. */
export class VirtualScheduler implements Scheduler {
  private time = 0;
  private order = 0;
  private readonly timers = new Map<number, Timer>();

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

  /** The earliest timer due at or before `until`, removed from the queue. */
  private nextDue(until: number): Timer | undefined {
    let best: [number, Timer] | undefined;
    for (const entry of this.timers) {
      const t = entry[1];
      if (t.at > until) continue;
      if (!best || t.at < best[1].at || (t.at === best[1].at && t.order < best[1].order))
        best = entry;
    }
    if (best) this.timers.delete(best[0]);
    return best?.[1];
  }

  /** Runs every timer due up to now + ms, letting promise chains settle between them. */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      const t = this.nextDue(until);
      if (!t) break;
      this.time = Math.max(this.time, t.at);
      t.fn();
      await settle();
    }
    this.time = until;
    await settle();
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}
