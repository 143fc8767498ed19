import * as Y from 'yjs';
import type { Scheduler } from './Scheduler.ts';

export interface BatchLimits {
  /** Flush after this much quiet (ms). */
  readonly idleMs: number;
  /** Never hold an edit longer than this (ms). */
  readonly maxWindowMs: number;
  /** Above this many bytes or updates, flush at once: Y.mergeUpdates is superlinear. */
  readonly maxBytes: number;
  readonly maxUpdates: number;
}

/**
 * Collects one document's local Yjs updates and hands them on as one merged update per typing
 * burst (DESIGN §4: one envelope per ~100-300 ms), so signatures and padding are paid per burst,
 * not per keystroke.
 */
export class UpdateBatcher {
  private updates: Uint8Array[] = [];
  private bytes = 0;
  private firstAt = 0;
  private timer: unknown;

  constructor(
    private readonly limits: BatchLimits,
    private readonly scheduler: Scheduler,
    private readonly emit: (merged: Uint8Array) => void,
  ) {}

  get size(): number {
    return this.updates.length;
  }

  push(update: Uint8Array): void {
    const now = this.scheduler.now();
    if (this.updates.length === 0) this.firstAt = now;
    this.updates.push(update);
    this.bytes += update.length;
    if (this.bytes >= this.limits.maxBytes || this.updates.length >= this.limits.maxUpdates) {
      this.flush();
      return;
    }
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    const due = Math.min(now + this.limits.idleMs, this.firstAt + this.limits.maxWindowMs);
    this.timer = this.scheduler.setTimeout(() => this.flush(), Math.max(0, due - now));
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
