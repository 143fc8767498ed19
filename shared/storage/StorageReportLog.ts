import type { StorageReport } from './StorageReport.ts';

const MAX_REPORTS = 100;

/** An adapter's reports: the last 100 in memory, and the listeners told of each new one. */
export class StorageReportLog {
  readonly #reports: StorageReport[] = [];
  readonly #listeners = new Set<(report: StorageReport) => void>();

  add(report: StorageReport): void {
    this.#reports.push(report);
    if (this.#reports.length > MAX_REPORTS) this.#reports.shift();
    for (const listener of [...this.#listeners]) {
      try {
        listener(report);
      } catch {
        // A listener's failure must not turn a report into a storage failure.
      }
    }
  }

  list(): readonly StorageReport[] {
    return [...this.#reports];
  }

  on(listener: (report: StorageReport) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Forgets everything (panic wipe). */
  clear(): void {
    this.#reports.length = 0;
  }
}
