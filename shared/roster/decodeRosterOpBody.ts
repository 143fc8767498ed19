import { SIGN_PUBLIC_BYTES, SIGNATURE_BYTES } from '../crypto/signDetached.ts';
import { ByteReader } from './ByteReader.ts';
import { compareBytes } from './compareBytes.ts';
import {
  BOX_PUBLIC_BYTES,
  INVITE_ID_BYTES,
  MAX_CELL_NAME_BYTES,
  MAX_PSEUDONYM_BYTES,
  MAX_ROTATE_RECIPIENTS,
  OP_TYPE_CODES,
  ROLE_CODES,
  ROSTER_OP_VERSION,
  ROTATE_OP_VERSION,
  SALT_BYTES,
  WRAPS_DIGEST_BYTES,
  WRAP_KIND_CODES,
  WRAP_SEALED_BYTES,
  type EpochWrap,
  type Role,
  type RosterOpBody,
} from './RosterOp.ts';

function readRole(r: ByteReader): Role {
  const role = ROLE_CODES[r.u8()];
  if (role === undefined) r.fail();
  return role ?? 'reader';
}

function readBody(
  r: ByteReader,
  typeCode: number,
  legacy: true | undefined,
): RosterOpBody | undefined {
  switch (OP_TYPE_CODES[typeCode]) {
    case 'genesis': {
      const salt = r.bytes(SALT_BYTES);
      const boxPk = r.bytes(BOX_PUBLIC_BYTES);
      const pseudonym = r.str(MAX_PSEUDONYM_BYTES);
      return { type: 'genesis', salt, boxPk, pseudonym, cellName: r.str(MAX_CELL_NAME_BYTES) };
    }
    case 'invite': {
      const inviteId = r.bytes(INVITE_ID_BYTES);
      const role = readRole(r);
      return { type: 'invite', inviteId, role, expiresAt: r.u64() };
    }
    case 'revoke-invite':
      return { type: 'revoke-invite', inviteId: r.bytes(INVITE_ID_BYTES) };
    case 'admit': {
      const inviteId = r.bytes(INVITE_ID_BYTES);
      const memberSignPk = r.bytes(SIGN_PUBLIC_BYTES);
      const memberBoxPk = r.bytes(BOX_PUBLIC_BYTES);
      const pseudonym = r.str(MAX_PSEUDONYM_BYTES);
      const role = readRole(r);
      const flag = r.u8();
      if (flag > 1) r.fail();
      const admittedAt = r.u64();
      const joinProof = r.bytes(SIGNATURE_BYTES);
      return {
        type: 'admit',
        inviteId,
        memberSignPk,
        memberBoxPk,
        pseudonym,
        role,
        historyAccess: flag === 1,
        admittedAt,
        joinProof,
      };
    }
    case 'remove':
      return { type: 'remove', member: r.bytes(SIGN_PUBLIC_BYTES) };
    case 'set-role': {
      const member = r.bytes(SIGN_PUBLIC_BYTES);
      return { type: 'set-role', member, role: readRole(r) };
    }
    case 'rotate': {
      const newEpoch = r.u32();
      const n = r.u16();
      if (newEpoch < 1 || n < 1 || n > MAX_ROTATE_RECIPIENTS) return undefined;
      const wraps: EpochWrap[] = [];
      for (let i = 0; i < n && r.ok; i++) {
        const recipient = r.bytes(SIGN_PUBLIC_BYTES);
        const kind = WRAP_KIND_CODES[r.u8()];
        // Version 1 signs the wraps in place; format 2 signs their digest (read by the caller).
        const sealed = legacy ? r.bytes(WRAP_SEALED_BYTES) : undefined;
        const prev = wraps[wraps.length - 1];
        // Strictly ascending recipients: one canonical encoding, no duplicate recipient.
        if (kind === undefined || (prev && compareBytes(prev.recipient, recipient) >= 0))
          return undefined;
        wraps.push({ recipient, kind, sealed });
      }
      return legacy
        ? { type: 'rotate', newEpoch, wraps, legacy }
        : { type: 'rotate', newEpoch, wraps };
    }
    case 'leave':
      return { type: 'leave' };
    case 'rename':
      return { type: 'rename', pseudonym: r.str(MAX_PSEUDONYM_BYTES) };
    case 'rekey': {
      const newSignPk = r.bytes(SIGN_PUBLIC_BYTES);
      const newBoxPk = r.bytes(BOX_PUBLIC_BYTES);
      return { type: 'rekey', newSignPk, newBoxPk, proof: r.bytes(SIGNATURE_BYTES) };
    }
    case 'rebox': {
      const newBoxPk = r.bytes(BOX_PUBLIC_BYTES);
      const proofPk = r.bytes(SIGN_PUBLIC_BYTES);
      return { type: 'rebox', newBoxPk, proofPk, proof: r.bytes(SIGNATURE_BYTES) };
    }
    default:
      return undefined;
  }
}

/**
 * Parses a body that must fill `bytes` exactly; undefined for anything malformed. Version 2 is a
 * rotate only, whose body ends with the digest of its wraps (returned; the wraps themselves follow
 * the op's signature and are read by decodeRosterOp).
 */
export function decodeRosterOpBody(
  typeCode: number,
  bytes: Uint8Array,
  version: number = ROSTER_OP_VERSION,
): { readonly body: RosterOpBody; readonly wrapsDigest?: Uint8Array } | undefined {
  const committed = version === ROTATE_OP_VERSION;
  if (committed && OP_TYPE_CODES[typeCode] !== 'rotate') return undefined;
  if (!committed && version !== ROSTER_OP_VERSION) return undefined;
  const r = new ByteReader(bytes);
  const body = readBody(r, typeCode, committed ? undefined : true);
  const wrapsDigest = committed ? r.bytes(WRAPS_DIGEST_BYTES) : undefined;
  if (!body || !r.ok || r.remaining !== 0) return undefined;
  return wrapsDigest ? { body, wrapsDigest } : { body };
}
