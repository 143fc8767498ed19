import { toHex } from '../crypto/bytes.ts';
import { computeRoster } from '../roster/computeRoster.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import type { CellRecord } from './Keyring.ts';

/**
 * The rekey op of a rekey this device started and has not finished: one that moves the record's
 * identity to its `pendingIdentity` and counts in the record's roster. Undefined otherwise.
 */
export function pendingRekeyOp(record: CellRecord): Uint8Array | undefined {
  const next = record.pendingIdentity;
  if (!next) return undefined;
  const oldHex = toHex(record.identity.signPk);
  const nextHex = toHex(next.signPk);
  const roster = computeRoster(record.rosterOps, { cellId: record.cellId });
  if (roster.rekeyed.get(oldHex) !== nextHex) return undefined;
  return record.rosterOps.find((bytes) => {
    const d = decodeRosterOp(bytes);
    return (
      d.ok &&
      d.value.body.type === 'rekey' &&
      d.value.authorHex === oldHex &&
      d.value.subjectHex === nextHex &&
      roster.applied.includes(d.value.opId)
    );
  });
}
