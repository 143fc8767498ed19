import type { StorageReport } from '../../shared/storage/StorageReport.ts';

/** What the storage banner says: the worst thing the store reported that the user has not dismissed. */
export type StorageAlert = 'full' | 'write-failed' | 'damaged';

const RANK: Readonly<Record<StorageAlert, number>> = { damaged: 1, 'write-failed': 2, full: 3 };

/**
 * The banner a report calls for, if any: a refused write (out of space, or another storage
 * error) or damage at rest (a quarantined row, damaged bytes, a lost end). A torn tail is an
 * append a crash interrupted, never acknowledged: nothing the user had was lost, no banner.
 */
export function storageAlertFor(report: StorageReport): StorageAlert | undefined {
  switch (report.kind) {
    case 'write-failed':
      return report.code === 'full' ? 'full' : 'write-failed';
    case 'damaged':
    case 'truncated':
    case 'row-quarantined':
      return 'damaged';
    case 'torn-tail':
      return undefined;
  }
}

/** Of two alerts, the one to show: a failing write (what the user does now) outranks old damage. */
export function worseAlert(
  a: StorageAlert | undefined,
  b: StorageAlert | undefined,
): StorageAlert | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RANK[b] > RANK[a] ? b : a;
}
