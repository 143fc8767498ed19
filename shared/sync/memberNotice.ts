import { envelopeId } from '../envelope/envelopeId.ts';
import { MAX_OP_BYTES } from '../roster/RosterOp.ts';

/**
 * Roster notices for one member (docs/PROTOCOL.md §11.6): a member admitted concurrently with a
 * rotate holds only a key the cell no longer writes under, so it cannot read the re-rotation that
 * would give it the current one. Coordinators put the roster ops it lacks, sealed to its box key
 * (crypto_box_seal), into a wire doc it still listens to, under `member/<content id>`. Sealed to
 * one member, a notice tells nobody else in that room (a member removed since, for one) anything;
 * every op inside is signed by its own author, so the notice needs no signature of its own.
 */
export const MEMBER_NOTICE_PREFIX = 'member/';

/** Ops in one notice, and its size: a few dozen ops of a few hundred bytes each, normally. */
export const MAX_MEMBER_NOTICE_OPS = 256;
export const MAX_MEMBER_NOTICE_BYTES = 512 * 1024;

/**
 * Notices kept per wire doc, and their bytes; junk beyond this is dropped. While two rotates
 * compete, each coordinator posts one bundle per member per batch of ops (RosterFanout).
 */
export const MAX_MEMBER_NOTICES_PER_SCOPE = 1024;
export const MAX_MEMBER_NOTICE_BYTES_PER_SCOPE = 8 * 1024 * 1024;

/** Each op in a notice is at most one op's size. */
export const MAX_MEMBER_NOTICE_OP_BYTES = MAX_OP_BYTES;

export const memberNoticeKey = (sealed: Uint8Array): string =>
  MEMBER_NOTICE_PREFIX + envelopeId(sealed);

export const isMemberNoticeKey = (key: string): boolean => key.startsWith(MEMBER_NOTICE_PREFIX);

/** A well-formed notice entry: bytes of notice size under their own content id. */
export function isMemberNotice(key: string, value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array &&
    value.length > 48 &&
    value.length <= MAX_MEMBER_NOTICE_BYTES &&
    memberNoticeKey(value) === key
  );
}
