import { toHex } from '../crypto/bytes.ts';
import type { Identity } from '../identity/createIdentity.ts';
import { openEpochWrap } from '../roster/openEpochWrap.ts';
import type { Roster } from '../roster/Roster.ts';
import type { RotateBody } from '../roster/RosterOp.ts';

export interface CountedEpochKeysInput {
  readonly roster: Roster;
  readonly cellId: Uint8Array;
  readonly identity: Pick<Identity, 'signPk' | 'boxPk' | 'boxSk'>;
  /**
   * Box keys our reboxes replaced, still kept: a rotate concurrent with a rebox sealed our wrap to
   * the key before it (boxKeysToKeep.ts decides how long they stay).
   */
  readonly formerBoxKeys?: readonly { readonly boxPk: Uint8Array; readonly boxSk: Uint8Array }[];
  /** The keys held now (from the welcome, earlier rotations, or our own rotate). */
  readonly held: ReadonlyMap<number, Uint8Array>;
  /** The decoded body of a counted rotate op by opId. */
  readonly rotateBody: (opId: string) => RotateBody | undefined;
  /** rotate opId -> our opened key (null: no wrap for us); filled here, kept by the caller. */
  readonly opened: Map<string, Uint8Array | null>;
  /** History horizon: epochs below this were forgotten and are never re-derived (default 0). */
  readonly floor?: number;
  /**
   * Filled with the epochs at or above the floor whose key we lack because the copy of the
   * counted rotate we hold had its wraps pruned (another device's history horizon): we wait for a
   * copy that carries them, never guess a key.
   */
  readonly pruned?: Set<number>;
}

/**
 * The epoch keys this member should hold, re-derived from the roster on every recomputation:
 * each epoch's key is the one our wrap in the rotate that COUNTS gives us. A key of the same
 * number adopted earlier from a rotate that lost to a concurrent one (our own, or a losing
 * coordinator's welcome) is replaced, or dropped when the counted rotate has no wrap for us and
 * the roster says we lack its key (keyMissing: we wait for the re-rotation); a key for an epoch
 * beyond the roster's is dropped. Epoch 0's key comes from the genesis or the welcome and is kept
 * until the history horizon passes it: keys below `floor` are dropped and not opened again.
 */
export function countedEpochKeys(input: CountedEpochKeysInput): Map<number, Uint8Array> {
  const { roster, cellId, identity, opened } = input;
  const keys = new Map(input.held);
  // A key for an epoch the roster does not have came from a rotate that does not count (its
  // author's removal won a race, or it lost to a concurrent rotate): nobody else uses it.
  const floor = input.floor ?? 0;
  for (const e of keys.keys()) if (e > roster.epoch || e < floor) keys.delete(e);
  const meHex = toHex(identity.signPk);
  for (const epoch of roster.epochs) {
    if (epoch.epoch === 0 || epoch.epoch < floor) continue;
    let key = opened.get(epoch.rotateOpId);
    if (key === undefined) {
      const body = input.rotateBody(epoch.rotateOpId);
      let wrap = body ? openEpochWrap(body, cellId, identity) : undefined;
      for (const box of input.formerBoxKeys ?? []) {
        if (!body || wrap?.ok !== false || wrap.error !== 'bad_wrap') break;
        wrap = openEpochWrap(body, cellId, { signPk: identity.signPk, ...box });
      }
      key = wrap?.ok && wrap.value.kind === 'member' ? wrap.value.secret : null;
      // A pruned copy is no answer: a copy that carries the wraps may still arrive.
      if (wrap?.ok === false && wrap.error === 'wrap_pruned') {
        if (!keys.has(epoch.epoch)) input.pruned?.add(epoch.epoch);
      } else opened.set(epoch.rotateOpId, key);
    }
    if (key) keys.set(epoch.epoch, key);
    else if (epoch.epoch === roster.epoch && roster.keyMissing.includes(meHex))
      keys.delete(epoch.epoch);
  }
  return keys;
}
