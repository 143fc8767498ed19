import { labelBytes } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';

/**
 * Roster ops: the signed, hash-linked governance log of a cell (docs/PROTOCOL-roster.md, "Roster").
 * This module holds the wire constants and the decoded shapes; codecs and rules live next to it.
 */

export const ROSTER_OP_VERSION = 1;
/**
 * A rotate in format 2 signs a digest of its wraps, which travel after the signature and may be
 * pruned (history horizon): every other op, and a legacy rotate, is version 1.
 */
export const ROTATE_OP_VERSION = 2;
/** The digest a format-2 rotate signs: H_32(LABELS.rotateWraps, every sealed wrap in order). */
export const WRAPS_DIGEST_BYTES = 32;
/** The byte after a format-2 rotate's signature: its wraps follow, or were pruned. */
export const WRAPS_CARRIED = 1;
export const WRAPS_PRUNED = 0;
/** Hard cap on one encoded op, checked before any parsing. Fits a rotate to 200 recipients. */
export const MAX_OP_BYTES = 32 * 1024;
export const MAX_HEADS = 32;
export const OP_ID_BYTES = 16;
export const INVITE_ID_BYTES = 32;
export const SALT_BYTES = 16;
export const BOX_PUBLIC_BYTES = 32;
export const MAX_PSEUDONYM_BYTES = 64;
export const MAX_CELL_NAME_BYTES = 128;
export const MAX_ROTATE_RECIPIENTS = 200;
/** Largest millisecond timestamp we accept: JS numbers stay exact below 2^53. */
export const MAX_TIME_MS = Number.MAX_SAFE_INTEGER;

/** Plaintext of one rotate wrap: label || kind || cellId || epoch || 32-byte secret. */
export const WRAP_PLAINTEXT_BYTES = labelBytes(LABELS.epochKeyWrap).length + 1 + 16 + 4 + 32;
/** crypto_box_seal adds an ephemeral public key (32) and a MAC (16). */
export const WRAP_SEALED_BYTES = 48 + WRAP_PLAINTEXT_BYTES;

export type Role = 'coordinator' | 'member' | 'reader' | 'relay';
/** Wire codes; the index in this array is the byte on the wire. */
export const ROLE_CODES: readonly Role[] = ['coordinator', 'member', 'reader', 'relay'];

export type RosterOpType =
  | 'genesis'
  | 'invite'
  | 'revoke-invite'
  | 'admit'
  | 'remove'
  | 'set-role'
  | 'rotate'
  | 'leave'
  | 'rename'
  | 'rekey'
  | 'rebox';
/** Wire codes; the index in this array is the byte on the wire. */
export const OP_TYPE_CODES: readonly RosterOpType[] = [
  'genesis',
  'invite',
  'revoke-invite',
  'admit',
  'remove',
  'set-role',
  'rotate',
  'leave',
  'rename',
  'rekey',
  'rebox',
];

/** What a rotate wrap carries: members get K_e, relays only the transport root of the epoch. */
export type WrapKind = 'member' | 'relay';
export const WRAP_KIND_CODES: readonly WrapKind[] = ['member', 'relay'];

export interface EpochWrap {
  readonly recipient: Uint8Array;
  readonly kind: WrapKind;
  /**
   * crypto_box_seal to the recipient's box key; see sealEpochWraps.ts for the plaintext. Absent
   * when a format-2 rotate's wraps were pruned: the signature still verifies over their digest.
   */
  readonly sealed: Uint8Array | undefined;
}

export interface GenesisBody {
  readonly type: 'genesis';
  /**
   * Random, so that the cell id is unpredictable. The genesis is encoded with an all-zero cellId
   * field and the cell id IS the genesis opId: it commits to the creator and the name, and no
   * second genesis can claim the same cell.
   */
  readonly salt: Uint8Array;
  readonly boxPk: Uint8Array;
  readonly pseudonym: string;
  readonly cellName: string;
}
export interface InviteBody {
  readonly type: 'invite';
  readonly inviteId: Uint8Array;
  readonly role: Role;
  readonly expiresAt: number;
}
export interface RevokeInviteBody {
  readonly type: 'revoke-invite';
  readonly inviteId: Uint8Array;
}
export interface AdmitBody {
  readonly type: 'admit';
  readonly inviteId: Uint8Array;
  readonly memberSignPk: Uint8Array;
  readonly memberBoxPk: Uint8Array;
  readonly pseudonym: string;
  readonly role: Role;
  readonly historyAccess: boolean;
  /** The admitting coordinator's clock (ms); must be <= the invite's expiresAt. */
  readonly admittedAt: number;
  /** The joiner's signature (LABELS.joinProof) over cellId || inviteId || signPk || boxPk || pseudonym. */
  readonly joinProof: Uint8Array;
}
export interface RemoveBody {
  readonly type: 'remove';
  readonly member: Uint8Array;
}
export interface SetRoleBody {
  readonly type: 'set-role';
  readonly member: Uint8Array;
  readonly role: Role;
}
export interface RotateBody {
  readonly type: 'rotate';
  readonly newEpoch: number;
  /** Strictly ascending by recipient signPk. */
  readonly wraps: readonly EpochWrap[];
  /**
   * Version 1 (before the history horizon could prune wraps): the signature covers the wraps
   * themselves. Decoded old ops carry it; new rotates are format 2 (ROTATE_OP_VERSION).
   */
  readonly legacy?: true;
}
export interface LeaveBody {
  readonly type: 'leave';
}
export interface RenameBody {
  readonly type: 'rename';
  readonly pseudonym: string;
}

/**
 * "My device was out of my hands": the author (the old identity) moves itself, with its pseudonym,
 * role and history access, to fresh keys. `proof` is the NEW signing key's signature
 * (LABELS.rekeyProof) over cellId || old signPk || newSignPk || newBoxPk (rekeyProofMessage.ts), so
 * nobody can move an identity onto keys they do not hold.
 */
export interface RekeyBody {
  readonly type: 'rekey';
  readonly newSignPk: Uint8Array;
  readonly newBoxPk: Uint8Array;
  readonly proof: Uint8Array;
}

/**
 * A member's new box (X25519) key, so that wraps and notices sealed from now on open with a secret
 * that the history horizon can destroy later (runtime/reboxSelf.ts). The box key is the X25519 form
 * of the Ed25519 key `proofPk`, and `proof` is that key's signature (LABELS.reboxProof) over
 * cellId || author signPk || newBoxPk (reboxProofMessage.ts): proof that the author holds the box
 * secret, so nobody can take another member's or a relay's box key as their own.
 */
export interface ReboxBody {
  readonly type: 'rebox';
  readonly newBoxPk: Uint8Array;
  readonly proofPk: Uint8Array;
  readonly proof: Uint8Array;
}

export type RosterOpBody =
  | GenesisBody
  | InviteBody
  | RevokeInviteBody
  | AdmitBody
  | RemoveBody
  | SetRoleBody
  | RotateBody
  | LeaveBody
  | RenameBody
  | RekeyBody
  | ReboxBody;

/** A decoded op. `heads` are lowercase hex opIds, strictly ascending. */
export interface RosterOp {
  readonly opId: string;
  readonly cellId: Uint8Array;
  readonly author: Uint8Array;
  readonly authorHex: string;
  readonly heads: readonly string[];
  readonly body: RosterOpBody;
  /** Precomputed hex of the identity an admit, remove or set-role is about (a rekey: the new key). */
  readonly subjectHex: string | undefined;
  /** Precomputed hex of the invite id of an invite, revoke-invite or admit. */
  readonly inviteIdHex: string | undefined;
  /** Precomputed hex of a rotate's recipients, in wire order. */
  readonly recipientsHex: readonly string[];
  /** Everything the signature covers (the encoding up to the signature). */
  readonly signed: Uint8Array;
  readonly signature: Uint8Array;
}
