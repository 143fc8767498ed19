import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES } from '../crypto/aeadSeal.ts';
import { toHex } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import type { Storage, WriteOp } from '../storage/Storage.ts';
import type { SealedTable } from './SealedStore.ts';
import { MIN_ROW_CLASS_BYTES, rowSizeClass } from './rowSizeClass.ts';

/** Tables chaff goes to, weighted roughly as real rows are (envelopes dominate). */
const CHAFF_TABLES: readonly SealedTable[] = [
  'envelopes',
  'envelopes',
  'envelopes',
  'envelopes',
  'envelopes',
  'snapshots',
  'secrets',
  'cells',
  'settings',
];
const MIN_CHAFF_LOG2 = Math.log2(MIN_ROW_CLASS_BYTES);
/** Most chaff is the size of an edit or a small record: up to 4 KiB of plaintext... */
const SMALL_CHAFF_LOG2 = 12;
/** ...and one row in twenty the size of a snapshot: up to 128 KiB. */
const LARGE_CHAFF_LOG2 = 17;
const LARGE_CHAFF_SHARE = 0.05;

function randomUnit(): number {
  const b = randomBytes(4);
  return new DataView(b.buffer).getUint32(0, false) / 2 ** 32;
}

/**
 * One chaff row: a fresh random id shaped like a sealed row id (64 hex digits) and random bytes
 * the size of a sealed row of a random size class (plaintext log-uniform over 256 B..4 KiB, or
 * one time in twenty over 4..128 KiB; plus nonce and tag): mean ~3 KiB. No vault can open it, no vault can find it again (nothing
 * records it), so it is indistinguishable from another vault's row.
 */
export function chaffRowOp(like?: {
  readonly table: SealedTable;
  readonly bytes: number;
}): WriteOp {
  if (like !== undefined) {
    // Along with a real write: a row of the same table and size, so per-write chaff costs at most
    // as much as the write it rides with and follows the same size distribution.
    return {
      op: 'put',
      table: like.table,
      id: toHex(randomBytes(32)),
      bytes: randomBytes(like.bytes),
    };
  }
  const pick = CHAFF_TABLES[Math.floor(randomUnit() * CHAFF_TABLES.length)] ?? 'envelopes';
  const [lo, hi] =
    randomUnit() < LARGE_CHAFF_SHARE
      ? [SMALL_CHAFF_LOG2, LARGE_CHAFF_LOG2]
      : [MIN_CHAFF_LOG2, SMALL_CHAFF_LOG2];
  const log2 = lo + randomUnit() * (hi - lo);
  const plain = rowSizeClass(Math.floor(2 ** log2));
  return {
    op: 'put',
    table: pick,
    id: toHex(randomBytes(32)),
    bytes: randomBytes(AEAD_NONCE_BYTES + plain + AEAD_TAG_BYTES),
  };
}

/** How often chaff is written. `perWrite`: probability that a sealed write carries one chaff row. */
export interface ChaffPolicy {
  readonly perWrite: number;
}

/** The app default: about one chaff row per three sealed writes, plus the timer (chaffTimer.ts). */
export const DEFAULT_CHAFF: ChaffPolicy = Object.freeze({ perWrite: 1 / 3 });
/** TESTS ONLY: no chaff, so tests can count rows. */
export const NO_CHAFF: ChaffPolicy = Object.freeze({ perWrite: 0 });

/** Whether this write should carry a chaff row (CSPRNG coin, not Math.random). */
export function chaffThisWrite(policy: ChaffPolicy): boolean {
  return policy.perWrite > 0 && randomUnit() < policy.perWrite;
}

/** Writes `count` chaff rows in one atomic write (the timer's tick). */
export async function writeChaff(storage: Storage, count: number): Promise<void> {
  if (count <= 0) return;
  await storage.write(Array.from({ length: count }, () => chaffRowOp()));
}
