/** Small statistics for noisy shared machines: medians and percentiles, never means. */

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least q of the samples at or below it.
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]): number => percentile(values, 0.5);

/** Rounds for the report (results keep 3 significant decimals at most). */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Operations per CPU second of `fn`, run in a loop for about `ms` milliseconds of wall time.
 * CPU time (process.cpuUsage), not wall time: on a machine shared with other jobs, time spent
 * preempted is not the code's cost. For synchronous single-threaded loops the two agree on an
 * idle machine.
 */
export function ratePerSecond(fn: () => void, ms: number): number {
  let n = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 16; i++) fn();
    n += 16;
  }
  const cpu = process.cpuUsage(cpu0);
  return (n * 1e6) / Math.max(1, cpu.user + cpu.system);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
