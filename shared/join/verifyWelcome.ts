import { bytesEqual, toHex } from '../crypto/bytes.ts';
import { safetyWords } from '../identity/safetyWords.ts';
import type { OpenedWelcome } from '../invite/openWelcome.ts';
import type { Welcome } from '../invite/Welcome.ts';
import { computeRoster } from '../roster/computeRoster.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import type { RosterOp } from '../roster/RosterOp.ts';
import { rosterOpId } from '../roster/rosterOpId.ts';
import { err, ok, type Result } from '../util/result.ts';

/**
 * Why an opened welcome is not trusted:
 * - no_genesis: its roster ops do not replay to this cell (no genesis for welcome.cellId);
 * - signer_not_coordinator: whoever signed it is not a coordinator in that roster;
 * - not_admitted: the roster has no member with the joiner's keys joined by welcome.admitOpId;
 * - wrong_invite: that admit op used another invite;
 * - role_mismatch: a member welcome for a relay identity;
 * - epoch_mismatch: the roster's current epoch is not the welcome's.
 */
export type WelcomeCheckError =
  | 'no_genesis'
  | 'signer_not_coordinator'
  | 'not_admitted'
  | 'wrong_invite'
  | 'role_mismatch'
  | 'epoch_mismatch';

export interface VerifiedWelcome {
  readonly welcome: Welcome;
  readonly coordinatorSignPk: Uint8Array;
  /**
   * The admitting coordinator's safety words, for the joiner to compare (an interceptor of the
   * code could run a cell of its own: docs/PROTOCOL.md §10.8). Undefined for a relay welcome,
   * which carries no roster.
   */
  readonly coordinatorSafetyWords: readonly string[] | undefined;
}

function findOp(ops: readonly Uint8Array[], opId: string): RosterOp | undefined {
  for (const bytes of ops) {
    if (rosterOpId(bytes) !== opId) continue;
    const decoded = decodeRosterOp(bytes);
    return decoded.ok ? decoded.value : undefined;
  }
  return undefined;
}

/**
 * The joiner's check after openWelcome (which verified the signature and the recipient keys):
 * replay the roster the welcome carries and accept only if its signer is a coordinator there and
 * its admitOpId admits these keys through this invite. A relay welcome has no roster to check.
 * The coordinator runs the same check before sending, so a welcome the joiner would refuse is
 * never sent.
 */
export function verifyWelcome(
  opened: OpenedWelcome,
  inviteId: Uint8Array,
): Result<VerifiedWelcome, WelcomeCheckError> {
  const w = opened.welcome;
  if (w.variant === 'relay') return ok({ ...opened, coordinatorSafetyWords: undefined });
  const roster = computeRoster(w.rosterOps, { cellId: w.cellId });
  if (roster.genesisId === undefined) return err('no_genesis');
  const signer = roster.members.get(toHex(opened.coordinatorSignPk));
  if (signer?.role !== 'coordinator') return err('signer_not_coordinator');
  const me = roster.members.get(toHex(w.joinerSignPk));
  if (me === undefined || me.joinedAt !== w.admitOpId || !bytesEqual(me.boxPk, w.joinerBoxPk))
    return err('not_admitted');
  if (me.role === 'relay') return err('role_mismatch');
  const admit = findOp(w.rosterOps, w.admitOpId);
  if (admit?.body.type !== 'admit' || !bytesEqual(admit.body.inviteId, inviteId))
    return err('wrong_invite');
  if (roster.epoch !== w.epoch) return err('epoch_mismatch');
  return ok({
    welcome: w,
    coordinatorSignPk: opened.coordinatorSignPk,
    coordinatorSafetyWords: safetyWords(opened.coordinatorSignPk, signer.boxPk),
  });
}
