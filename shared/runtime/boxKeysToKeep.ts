import { causalPast } from '../roster/causalPast.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import type { Roster } from '../roster/Roster.ts';
import type { CellRecord } from './Keyring.ts';

/**
 * Must this device still keep a box secret that the op `replacedBy` (our rebox, or our rekey)
 * replaced? Only the roster decides, so every device of the same state decides alike:
 *
 * - the op does not count (yet): the roster still seals to the old key;
 * - an epoch at or above the floor could have been sealed to it before the op: the welcome and
 *   every rotate in the op's causal past are of epochs up to the newest epoch there;
 * - a rotate held to an epoch at or above the floor does not have the op in its causal past: a
 *   coordinator who had not seen the op sealed our wrap there to the old key (a concurrent one).
 *
 * Otherwise every epoch whose key reached us through the old key is below the floor (forgotten),
 * and every rotate the roster may still count for a later epoch was sealed to a newer key. A
 * rotate concurrent with the op that arrives later and wins an epoch at or above the floor would
 * be sealed to the destroyed key; it would have to beat a rotate that every member acknowledged
 * before the horizon moved (PROTOCOL §11.5), and the member then lacks that epoch's key (keyMissing
 * shows it, a coordinator rotates again).
 */
export function boxKeyNeeded(
  replacedBy: string | undefined,
  roster: Roster,
  ops: ReadonlyMap<string, Uint8Array>,
  floor: number,
): boolean {
  if (replacedBy === undefined || !roster.applied.includes(replacedBy)) return true;
  const past = causalPast(replacedBy, ops);
  const before = roster.epochs.filter((e) => past.has(e.rotateOpId)).map((e) => e.epoch);
  if (floor <= Math.max(0, ...before)) return true;
  for (const bytes of ops.values()) {
    const op = decodeRosterOp(bytes);
    if (!op.ok || op.value.body.type !== 'rotate' || op.value.body.newEpoch < floor) continue;
    if (!causalPast(op.value.opId, ops).has(replacedBy)) return true;
  }
  return false;
}

/**
 * The record without the box secrets the history horizon has made useless (boxKeyNeeded): former
 * box keys of reboxes, and retired identities' box secrets. Undefined when nothing goes.
 */
export function dropSpentBoxKeys(
  record: CellRecord,
  roster: Roster,
  ops: ReadonlyMap<string, Uint8Array>,
): CellRecord | undefined {
  const floor = record.horizonFloor ?? 0;
  if (floor === 0) return undefined;
  const needed = (opId: string | undefined) => boxKeyNeeded(opId, roster, ops, floor);
  const former = record.formerBoxKeys ?? [];
  const keptFormer = former.filter((f) => needed(f.replacedBy));
  const retired = record.retired ?? [];
  let retiredChanged = false;
  const keptRetired = retired.map((r) => {
    if (!r.boxSk || needed(r.replacedBy)) return r;
    retiredChanged = true;
    return {
      signPk: r.signPk,
      boxPk: r.boxPk,
      ...(r.replacedBy ? { replacedBy: r.replacedBy } : {}),
    };
  });
  if (keptFormer.length === former.length && !retiredChanged) return undefined;
  // The secrets themselves: overwrite the bytes we drop (copies the JS engine made may remain).
  for (const f of former) if (!keptFormer.includes(f)) f.boxSk.fill(0);
  for (const [i, r] of retired.entries()) if (r.boxSk && !keptRetired[i]?.boxSk) r.boxSk.fill(0);
  return { ...record, formerBoxKeys: keptFormer, retired: keptRetired };
}
