import type { DepartureKind, InviteStatus } from './RosterState.ts';
import type { Role } from './RosterOp.ts';

/** Why an op does not count. Every dropped op gets exactly one (docs/PROTOCOL-roster.md). */
export type RosterRejectReason =
  // bytes
  | 'oversize'
  | 'malformed'
  | 'wrong_cell'
  | 'bad_signature'
  // graph
  | 'missing_heads'
  // authority
  | 'not_member'
  | 'not_coordinator'
  | 'future_role'
  | 'removed_author'
  | 'demoted_author'
  | 'removal_conflict'
  | 'last_coordinator'
  | 'invalid_target'
  // invites and admission
  | 'duplicate'
  | 'invite_unknown'
  | 'invite_used'
  | 'invite_revoked'
  | 'invite_expired'
  | 'inviter_removed'
  | 'bad_join_proof'
  | 'bad_rekey_proof'
  /** A rebox whose box key is not the proof key's X25519 form, or whose proof does not verify. */
  | 'bad_rebox_proof'
  | 'bad_box_key'
  | 'role_mismatch'
  | 'already_member'
  | 'member_departed'
  /** A rename or admit to a pseudonym another current member has (pseudonymTaken). */
  | 'pseudonym_taken'
  // rotation
  | 'stale_epoch'
  | 'bad_recipients'
  // re-keying
  /** Two concurrent rekeys of one identity: its key is in two hands; both void, it is removed. */
  | 'rekey_conflict'
  /** By an identity whose own rekey this op did not see: someone else holds the old key. */
  | 'rekeyed_author';

export interface RosterMember {
  readonly signPk: Uint8Array;
  /** The newest box key (after the member's reboxes): what rotates and notices seal to. */
  readonly boxPk: Uint8Array;
  /** The box key the identity joined (or was re-keyed) with: what its safety words commit to. */
  readonly identityBoxPk: Uint8Array;
  readonly pseudonym: string;
  readonly role: Role;
  /** signPk hex of the admitting coordinator; null for the cell's creator. */
  readonly admittedBy: string | null;
  /** opId of the admit (or genesis) that made this identity a member. */
  readonly joinedAt: string;
  readonly historyAccess: boolean;
  /** Highest epoch whose secret this identity is known to have received. */
  readonly keyEpoch: number;
  /** The counted rotate (or genesis) whose secret this identity holds; see RosterState. */
  readonly keyFrom: string;
}

export interface RosterInvite {
  readonly role: Role;
  readonly expiresAt: number;
  readonly inviter: string;
  readonly opId: string;
  readonly status: InviteStatus;
}

export interface RosterEpoch {
  readonly epoch: number;
  readonly rotateOpId: string;
  /** signPk hex of everyone the epoch's secret was sealed to (the creator for epoch 0). */
  readonly recipients: readonly string[];
  /** Roles when the next epoch opened (what canWrite judges old epochs by); undefined if current. */
  readonly rolesAtEnd: ReadonlyMap<string, Role> | undefined;
}

export interface RosterRejection {
  readonly opId: string;
  readonly reason: RosterRejectReason;
}

/** An identity no longer in the roster, with the pseudonym it had (RosterState.departed). */
export interface RosterDeparture {
  readonly kind: DepartureKind;
  readonly pseudonym: string;
  /** The op that made it depart (remove, leave, rekey; for rekey_conflict one of the rekeys). */
  readonly opId: string;
}

/**
 * One counted membership change, in replay order (the membership log members see). Only what
 * counted is here, each signed by `authorHex` and checked by this device's roster; roster ops
 * carry no time except an admit's `admittedAt` (the admitting coordinator's clock).
 */
export type RosterEvent =
  | { readonly type: 'created'; readonly opId: string; readonly authorHex: string }
  | {
      readonly type: 'admitted';
      readonly opId: string;
      readonly authorHex: string;
      readonly subjectHex: string;
      readonly pseudonym: string;
      readonly role: Role;
      readonly at: number;
    }
  | {
      readonly type: 'removed' | 'left';
      readonly opId: string;
      readonly authorHex: string;
      readonly subjectHex: string;
    }
  | {
      readonly type: 'role';
      readonly opId: string;
      readonly authorHex: string;
      readonly subjectHex: string;
      readonly role: Role;
    };

/** The roster every peer computes from the same set of ops, whatever order they arrived in. */
export interface Roster {
  readonly cellId: string;
  /** Undefined until the genesis is held: then everything else is empty. */
  readonly genesisId: string | undefined;
  readonly cellName: string | undefined;
  /** Current identities by signPk hex (every role, relays included). */
  readonly members: ReadonlyMap<string, RosterMember>;
  /** Removed by a coordinator, or for a rekey conflict (then also in `rekeyConflicts`). */
  readonly removed: ReadonlySet<string>;
  readonly left: ReadonlySet<string>;
  /** Every identity no longer in the roster (removed, left, re-keyed away), by signPk hex. */
  readonly departed: ReadonlyMap<string, RosterDeparture>;
  /** Counted admits, removals, leaves and role changes, in replay order (see RosterEvent). */
  readonly events: readonly RosterEvent[];
  /**
   * Old signPk hex -> the signPk hex its own `rekey` moved it to (the same person; that identity
   * may since have been re-keyed or departed in turn; formerKeys.ts walks the chain back).
   */
  readonly rekeyed: ReadonlyMap<string, string>;
  /**
   * Identities removed because two concurrent rekeys of them were seen (their key is in two
   * hands), with the pseudonym they had: coordinators see who and why, and can re-invite them.
   */
  readonly rekeyConflicts: ReadonlyMap<string, string>;
  /** Current epoch number (-1 before the genesis). */
  readonly epoch: number;
  /** Indexed by epoch number. */
  readonly epochs: readonly RosterEpoch[];
  readonly invites: ReadonlyMap<string, RosterInvite>;
  /** opIds that counted, in replay order. */
  readonly applied: readonly string[];
  /** Sorted by opId. Ops waiting for their heads are here as 'missing_heads'. */
  readonly rejected: readonly RosterRejection[];
  /** opIds referenced by held ops but not held: what to ask peers for. Sorted. */
  readonly missing: readonly string[];
  /** A departed identity holds the current epoch's secret: a rotate is due. */
  readonly rotationNeeded: boolean;
  /** Current identities not known to hold the current epoch's secret (admitted concurrently with a rotate). */
  readonly keyMissing: readonly string[];
}
