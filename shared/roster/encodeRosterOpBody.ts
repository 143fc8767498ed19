import { SIGN_PUBLIC_BYTES, SIGNATURE_BYTES } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { compareBytes } from './compareBytes.ts';
import {
  BOX_PUBLIC_BYTES,
  INVITE_ID_BYTES,
  MAX_CELL_NAME_BYTES,
  MAX_PSEUDONYM_BYTES,
  MAX_ROTATE_RECIPIENTS,
  MAX_TIME_MS,
  ROLE_CODES,
  ROSTER_OP_VERSION,
  ROTATE_OP_VERSION,
  SALT_BYTES,
  WRAPS_CARRIED,
  WRAP_KIND_CODES,
  WRAP_SEALED_BYTES,
  type Role,
  type RosterOpBody,
} from './RosterOp.ts';
import { rotateWrapsDigest } from './rotateWrapsDigest.ts';
import { validateDisplayName } from './validateDisplayName.ts';

const validStr = validateDisplayName;

const isTime = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= MAX_TIME_MS;
const roleCode = (r: Role): number => ROLE_CODES.indexOf(r);

/** The body bytes of one op (layout in docs/PROTOCOL-roster.md); `invalid_body` if a field is out of range. */
export function encodeRosterOpBody(body: RosterOpBody): Result<Uint8Array, 'invalid_body'> {
  const w = new ByteWriter();
  const bad = (detail: string) => err('invalid_body' as const, detail);
  switch (body.type) {
    case 'genesis':
      if (body.salt.length !== SALT_BYTES) return bad('salt');
      if (body.boxPk.length !== BOX_PUBLIC_BYTES) return bad('boxPk');
      if (!validStr(body.pseudonym, MAX_PSEUDONYM_BYTES)) return bad('pseudonym');
      if (!validStr(body.cellName, MAX_CELL_NAME_BYTES)) return bad('cellName');
      w.bytes(body.salt).bytes(body.boxPk).str(body.pseudonym).str(body.cellName);
      break;
    case 'invite':
      if (body.inviteId.length !== INVITE_ID_BYTES) return bad('inviteId');
      if (roleCode(body.role) < 0) return bad('role');
      if (!isTime(body.expiresAt)) return bad('expiresAt');
      w.bytes(body.inviteId).u8(roleCode(body.role)).u64(body.expiresAt);
      break;
    case 'revoke-invite':
      if (body.inviteId.length !== INVITE_ID_BYTES) return bad('inviteId');
      w.bytes(body.inviteId);
      break;
    case 'admit':
      if (body.inviteId.length !== INVITE_ID_BYTES) return bad('inviteId');
      if (body.memberSignPk.length !== SIGN_PUBLIC_BYTES) return bad('memberSignPk');
      if (body.memberBoxPk.length !== BOX_PUBLIC_BYTES) return bad('memberBoxPk');
      if (!validStr(body.pseudonym, MAX_PSEUDONYM_BYTES)) return bad('pseudonym');
      if (roleCode(body.role) < 0) return bad('role');
      if (!isTime(body.admittedAt)) return bad('admittedAt');
      if (body.joinProof.length !== SIGNATURE_BYTES) return bad('joinProof');
      w.bytes(body.inviteId).bytes(body.memberSignPk).bytes(body.memberBoxPk);
      w.str(body.pseudonym)
        .u8(roleCode(body.role))
        .u8(body.historyAccess ? 1 : 0);
      w.u64(body.admittedAt).bytes(body.joinProof);
      break;
    case 'remove':
      if (body.member.length !== SIGN_PUBLIC_BYTES) return bad('member');
      w.bytes(body.member);
      break;
    case 'set-role':
      if (body.member.length !== SIGN_PUBLIC_BYTES) return bad('member');
      if (roleCode(body.role) < 0) return bad('role');
      w.bytes(body.member).u8(roleCode(body.role));
      break;
    case 'rotate': {
      const n = body.wraps.length;
      if (!Number.isInteger(body.newEpoch) || body.newEpoch < 1 || body.newEpoch > 0xffffffff)
        return bad('newEpoch');
      if (n < 1 || n > MAX_ROTATE_RECIPIENTS) return bad('wraps');
      w.u32(body.newEpoch).u16(n);
      let prev: Uint8Array | undefined;
      const sealed: Uint8Array[] = [];
      for (const wrap of body.wraps) {
        if (wrap.recipient.length !== SIGN_PUBLIC_BYTES) return bad('recipient');
        if (prev && compareBytes(prev, wrap.recipient) >= 0) return bad('recipients order');
        // A rotate is made (and signed) with every wrap; pruning happens to its bytes later.
        if (wrap.sealed?.length !== WRAP_SEALED_BYTES) return bad('sealed');
        const kind = WRAP_KIND_CODES.indexOf(wrap.kind);
        if (kind < 0) return bad('kind');
        w.bytes(wrap.recipient).u8(kind);
        if (body.legacy) w.bytes(wrap.sealed);
        sealed.push(wrap.sealed);
        prev = wrap.recipient;
      }
      if (!body.legacy) w.bytes(rotateWrapsDigest(sealed));
      break;
    }
    case 'leave':
      break;
    case 'rename':
      if (!validStr(body.pseudonym, MAX_PSEUDONYM_BYTES)) return bad('pseudonym');
      w.str(body.pseudonym);
      break;
    case 'rekey':
      if (body.newSignPk.length !== SIGN_PUBLIC_BYTES) return bad('newSignPk');
      if (body.newBoxPk.length !== BOX_PUBLIC_BYTES) return bad('newBoxPk');
      if (body.proof.length !== SIGNATURE_BYTES) return bad('proof');
      w.bytes(body.newSignPk).bytes(body.newBoxPk).bytes(body.proof);
      break;
    case 'rebox':
      if (body.newBoxPk.length !== BOX_PUBLIC_BYTES) return bad('newBoxPk');
      if (body.proofPk.length !== SIGN_PUBLIC_BYTES) return bad('proofPk');
      if (body.proof.length !== SIGNATURE_BYTES) return bad('proof');
      w.bytes(body.newBoxPk).bytes(body.proofPk).bytes(body.proof);
      break;
  }
  return ok(w.finish());
}

/** The op version byte: 2 for a format-2 rotate (its wraps travel after the signature), else 1. */
export function opVersion(body: RosterOpBody): number {
  return body.type === 'rotate' && !body.legacy ? ROTATE_OP_VERSION : ROSTER_OP_VERSION;
}

/**
 * What follows a format-2 rotate's signature: u8(1) || every sealed wrap, in recipient order
 * (encodeRosterOpBody checked them). Empty for every other op.
 */
export function wrapsTrailer(body: RosterOpBody): Uint8Array {
  if (body.type !== 'rotate' || body.legacy) return new Uint8Array(0);
  const w = new ByteWriter().u8(WRAPS_CARRIED);
  for (const wrap of body.wraps) if (wrap.sealed) w.bytes(wrap.sealed);
  return w.finish();
}
