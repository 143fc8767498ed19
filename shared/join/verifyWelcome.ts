import { bytesEqual, toHex } from '../crypto/bytes.ts';
import { safetyWords } from '../identity/safetyWords.ts';
import { deriveInviteSecrets } from '../invite/deriveInviteSecrets.ts';
import type { InviteCode } from '../invite/InviteCode.ts';
import { inviteCommitment } from '../invite/inviteCommitment.ts';
import type { OpenedWelcome } from '../invite/openWelcome.ts';
import type { Welcome } from '../invite/Welcome.ts';
import { computeRoster } from '../roster/computeRoster.ts';
import { decodeRosterOp } from '../roster/decodeRosterOp.ts';
import type { RosterOp } from '../roster/RosterOp.ts';
import { rosterOpId } from '../roster/rosterOpId.ts';
import { err, ok, type Result } from '../util/result.ts';

/**
 * Why an opened welcome is not trusted:
 * - commitment_mismatch: its cell id and signer are not the ones the code commits to (a cell an
 *   interceptor of the code made up, or a welcome signed by anyone but the inviting coordinator);
 * - no_genesis: its roster ops do not replay to this cell (no genesis for welcome.cellId);
 * - signer_not_coordinator: whoever signed it is not a coordinator in that roster;
 * - not_admitted: the roster has no member with the joiner's keys joined by welcome.admitOpId;
 * - wrong_invite: that admit op used another invite;
 * - wrong_admitter: that admit op was authored by someone other than the signer;
 * - role_mismatch: a member welcome for a relay identity;
 * - epoch_mismatch: the roster's current epoch is not the welcome's.
 */
export type WelcomeCheckError =
  | 'commitment_mismatch'
  | 'no_genesis'
  | 'signer_not_coordinator'
  | 'not_admitted'
  | 'wrong_invite'
  | 'wrong_admitter'
  | 'role_mismatch'
  | 'epoch_mismatch';

export interface VerifiedWelcome {
  readonly welcome: Welcome;
  readonly coordinatorSignPk: Uint8Array;
  /**
   * The admitting coordinator's safety words, for the joiner to compare with what that coordinator
   * reads out (the commitment in the code cannot help if the code itself was swapped on its way:
   * docs/PROTOCOL.md §10.8). Undefined for a relay welcome, which carries no roster.
   */
  readonly coordinatorSafetyWords: readonly string[] | undefined;
  /** The admitting coordinator's pseudonym in the welcome's roster; undefined for a relay. */
  readonly coordinatorPseudonym: string | undefined;
  /** The cell's name in the welcome's roster; undefined for a relay. */
  readonly cellName: string | undefined;
}

/** The parts of the invite code a welcome is checked against. */
export type WelcomeExpectation = Pick<InviteCode, 'secret' | 'commitment'>;

function findOp(ops: readonly Uint8Array[], opId: string): RosterOp | undefined {
  for (const bytes of ops) {
    if (rosterOpId(bytes) !== opId) continue;
    const decoded = decodeRosterOp(bytes);
    return decoded.ok ? decoded.value : undefined;
  }
  return undefined;
}

/**
 * The joiner's check after openWelcome (which verified the signature over this invite's id and
 * the recipient keys). First, with no human step: the welcome's cell id and signer must be those
 * the code commits to (inviteCommitment), so a cell made up by whoever intercepted the code is
 * refused before its roster is even replayed. Then replay the roster the welcome carries: it must
 * have this cell's genesis, the signer must be a coordinator there, and welcome.admitOpId must be
 * an admit by the signer of these keys through this invite. A relay welcome has no roster, so
 * only the commitment is checked. The coordinator runs the same check before sending, so a
 * welcome the joiner would refuse is never sent.
 */
export function verifyWelcome(
  opened: OpenedWelcome,
  code: WelcomeExpectation,
): Result<VerifiedWelcome, WelcomeCheckError> {
  const w = opened.welcome;
  const signer = opened.coordinatorSignPk;
  if (!bytesEqual(inviteCommitment(code.secret, w.cellId, signer), code.commitment))
    return err('commitment_mismatch');
  if (w.variant === 'relay')
    return ok({
      welcome: w,
      coordinatorSignPk: signer,
      coordinatorSafetyWords: undefined,
      coordinatorPseudonym: undefined,
      cellName: undefined,
    });
  const roster = computeRoster(w.rosterOps, { cellId: w.cellId });
  if (roster.genesisId === undefined) return err('no_genesis');
  const coordinator = roster.members.get(toHex(signer));
  if (coordinator?.role !== 'coordinator') return err('signer_not_coordinator');
  const me = roster.members.get(toHex(w.joinerSignPk));
  if (me === undefined || me.joinedAt !== w.admitOpId || !bytesEqual(me.boxPk, w.joinerBoxPk))
    return err('not_admitted');
  if (me.role === 'relay') return err('role_mismatch');
  const admit = findOp(w.rosterOps, w.admitOpId);
  const { inviteId } = deriveInviteSecrets(code.secret);
  if (admit?.body.type !== 'admit' || !bytesEqual(admit.body.inviteId, inviteId))
    return err('wrong_invite');
  if (!bytesEqual(admit.author, signer)) return err('wrong_admitter');
  if (roster.epoch !== w.epoch) return err('epoch_mismatch');
  return ok({
    welcome: w,
    coordinatorSignPk: signer,
    // The identity's words, which its reboxes do not change (what its Members screen shows).
    coordinatorSafetyWords: safetyWords(signer, coordinator.identityBoxPk),
    coordinatorPseudonym: coordinator.pseudonym,
    cellName: roster.cellName,
  });
}
