import type { Scheduler } from '../../shared/sync/Scheduler.ts';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly fn: () => void;
}

const before = (a: Timer, b: Timer): boolean => a.at < b.at || (a.at === b.at && a.order < b.order);

/**
 * Virtual time for seeded simulations: timers fire in (time, creation) order when advanced.
 * A binary heap keeps long runs linear-logarithmic; cleared timers are skipped lazily.
 */
export class VirtualScheduler implements Scheduler {
  private time = 0;
  private order = 0;
  private readonly heap: Timer[] = [];
  private readonly live = new Set<number>();

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const t: Timer = { at: this.time + Math.max(0, ms), order: ++this.order, fn };
    this.live.add(t.order);
    this.push(t);
    return t.order;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.live.delete(handle);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }

  /** The earliest live timer due at or before `until`, removed from the queue. */
  private nextDue(until: number): Timer | undefined {
    for (;;) {
      const top = this.heap[0];
      if (!top || top.at > until) return undefined;
      this.pop();
      if (this.live.delete(top.order)) return top;
    }
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
    return this.live.size;
  }
}
