import type { Storage } from '../storage/Storage.ts';
import type { SealedTable } from './SealedStore.ts';
import { writeChaff } from './writeChaff.ts';

const SEALED: readonly SealedTable[] = ['secrets', 'cells', 'envelopes', 'snapshots', 'settings'];
/** At most this many chaff rows per tick: the store fills up over hours, not in one burst. */
export const CHAFF_TICK_ROWS = 8;

/**
 * One tick of the chaff timer: counts the rows of every sealed table (ids only, nothing is
 * opened) and, below `target` (chaffTarget.ts), writes up to CHAFF_TICK_ROWS chaff rows.
 * Returns how many it wrote. Never throws: a failed count or write is retried on the next tick.
 */
export async function topUpChaff(storage: Storage, target: number): Promise<number> {
  try {
    let total = 0;
    for (const table of SEALED) total += (await storage.keys(table)).length;
    const n = Math.max(0, Math.min(CHAFF_TICK_ROWS, target - total));
    await writeChaff(storage, n);
    return n;
  } catch {
    return 0;
  }
}
