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
/** Largest chaff plaintext class: 64 KiB (a snapshot of a busy document). */
const MAX_CHAFF_LOG2 = 16;
const MIN_CHAFF_LOG2 = Math.log2(MIN_ROW_CLASS_BYTES);

function randomUnit(): number {
  const b = randomBytes(4);
  return new DataView(b.buffer).getUint32(0, false) / 2 ** 32;
}

/**
 * One chaff row: a fresh random id shaped like a sealed row id (64 hex digits) and random bytes
 * the size of a sealed row of a random size class (log-uniform between 256 B and 64 KiB of
 * plaintext, plus nonce and tag). No vault can open it, no vault can find it again (nothing
 * records it), so it is indistinguishable from another vault's row.
 */
export function chaffRowOp(): WriteOp {
  const pick = CHAFF_TABLES[Math.floor(randomUnit() * CHAFF_TABLES.length)] ?? 'envelopes';
  const log2 = MIN_CHAFF_LOG2 + randomUnit() * (MAX_CHAFF_LOG2 - MIN_CHAFF_LOG2);
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
