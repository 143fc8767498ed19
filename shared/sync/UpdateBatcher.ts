import * as Y from 'yjs';
import type { Scheduler } from './Scheduler.ts';

export interface BatchLimits {
  /** An edit after at least this much quiet (ms) starts a new burst. */
  readonly idleMs: number;
  /** Window of a burst's first batch (ms): the first edit after quiet reaches co-editors at once. */
  readonly firstWindowMs: number;
  /** Window of the burst's second batch (ms); each later window doubles, up to maxWindowMs. */
  readonly minWindowMs: number;
  /** Never hold an edit longer than this (ms). */
  readonly maxWindowMs: number;
  /** Above this many bytes or updates, flush at once: Y.mergeUpdates is superlinear. */
  readonly maxBytes: number;
  readonly maxUpdates: number;
}

/**
 * Collects one document's local Yjs updates and hands them on as one merged update per window,
 * so signatures and padding are paid per window, not per keystroke. Adaptive (docs/PROTOCOL.md
 * §Batching): the first edit after quiet goes out after firstWindowMs, so co-editors see someone
 * start typing with no batching delay; while typing goes on, windows grow from minWindowMs,
 * doubling, up to maxWindowMs, which bounds how long any edit waits. A window is timed from its
 * first update and never re-armed, so a keystroke costs an array push, not a timer.
 */
export class UpdateBatcher {
  private updates: Uint8Array[] = [];
  private bytes = 0;
  /** When the last update arrived (-Infinity: never), to tell a new burst from a continued one. */
  private lastAt = Number.NEGATIVE_INFINITY;
  /** The current batch's window, or the last one's while nothing is held. */
  private window = 0;
  private timer: unknown;

  constructor(
    private readonly limits: BatchLimits,
    private readonly scheduler: Scheduler,
    private readonly emit: (merged: Uint8Array) => void,
  ) {}

  get size(): number {
    return this.updates.length;
  }

  /** The window of the batch being held, in ms (diagnostics and tests). */
  get currentWindowMs(): number {
    return this.window;
  }

  push(update: Uint8Array): void {
    const now = this.scheduler.now();
    if (this.updates.length === 0) {
      this.window = this.nextWindow(now);
      this.timer = this.scheduler.setTimeout(() => this.flush(), this.window);
    }
    this.lastAt = now;
    this.updates.push(update);
    this.bytes += update.length;
    if (this.bytes >= this.limits.maxBytes || this.updates.length >= this.limits.maxUpdates) {
      this.flush();
    }
  }

  private nextWindow(now: number): number {
    const { idleMs, firstWindowMs, minWindowMs, maxWindowMs } = this.limits;
    if (now - this.lastAt >= idleMs) return Math.min(firstWindowMs, maxWindowMs);
    if (this.window < minWindowMs) return Math.min(minWindowMs, maxWindowMs);
    return Math.min(this.window * 2, maxWindowMs);
  }

  flush(): void {
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.updates.length === 0) return;
    const batch = this.updates;
    this.updates = [];
    this.bytes = 0;
    this.emit(batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch));
  }

  cancel(): void {
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    this.updates = [];
    this.bytes = 0;
  }
}
