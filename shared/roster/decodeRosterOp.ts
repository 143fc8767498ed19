import { bytesEqual, toHex } from '../crypto/bytes.ts';
import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { SIGN_PUBLIC_BYTES, SIGNATURE_BYTES } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import { ByteReader } from './ByteReader.ts';
import { decodeRosterOpBody } from './decodeRosterOpBody.ts';
import { rosterOpId } from './rosterOpId.ts';
import { rotateWrapsDigest } from './rotateWrapsDigest.ts';
import {
  MAX_HEADS,
  MAX_OP_BYTES,
  OP_ID_BYTES,
  ROSTER_OP_VERSION,
  ROTATE_OP_VERSION,
  WRAP_SEALED_BYTES,
  WRAPS_CARRIED,
  WRAPS_PRUNED,
  type RosterOp,
  type RotateBody,
} from './RosterOp.ts';

export type DecodeError = 'oversize' | 'malformed';

/**
 * A format-2 rotate's wraps, after its signature: u8(0) pruned, or u8(1) and every wrap, whose
 * digest must be the signed one. Undefined (malformed) for anything else: a wrap that is not the
 * signed one would open to a wrong key or to nothing, so it never enters a roster.
 */
function readWraps(r: ByteReader, body: RotateBody, digest: Uint8Array): RotateBody | undefined {
  const flag = r.u8();
  if (flag === WRAPS_PRUNED) return body;
  if (flag !== WRAPS_CARRIED) return undefined;
  const sealed = body.wraps.map(() => r.bytes(WRAP_SEALED_BYTES));
  if (!r.ok || !bytesEqual(rotateWrapsDigest(sealed), digest)) return undefined;
  return { ...body, wraps: body.wraps.map((w, i) => ({ ...w, sealed: sealed[i] })) };
}

/**
 * Parses one encoded op (size cap first). Checks structure only: the signature, the cell and the
 * rules are the caller's (verifyRosterOp, computeRoster). Heads must be strictly ascending. The
 * opId covers the op up to its signature: a format-2 rotate with its wraps pruned is the same op.
 */
export function decodeRosterOp(bytes: Uint8Array): Result<RosterOp, DecodeError> {
  if (bytes.length > MAX_OP_BYTES) return err('oversize');
  const r = new ByteReader(bytes);
  const version = r.u8();
  if (version !== ROSTER_OP_VERSION && version !== ROTATE_OP_VERSION)
    return err('malformed', 'version');
  const cellId = r.bytes(CELL_ID_BYTES);
  const typeCode = r.u8();
  const author = r.bytes(SIGN_PUBLIC_BYTES);
  const headCount = r.u8();
  if (headCount > MAX_HEADS) return err('malformed', 'too many heads');
  const heads: string[] = [];
  for (let i = 0; i < headCount; i++) heads.push(toHex(r.bytes(OP_ID_BYTES)));
  for (let i = 1; i < heads.length; i++)
    if ((heads[i - 1] ?? '') >= (heads[i] ?? '')) return err('malformed', 'heads not ascending');
  const decodedBody = decodeRosterOpBody(typeCode, r.bytes(r.u16()), version);
  const signedLength = bytes.length - r.remaining;
  const signature = r.bytes(SIGNATURE_BYTES);
  const idLength = bytes.length - r.remaining;
  const body =
    decodedBody?.wrapsDigest && decodedBody.body.type === 'rotate'
      ? readWraps(r, decodedBody.body, decodedBody.wrapsDigest)
      : decodedBody?.body;
  if (!body || !r.ok || r.remaining !== 0) return err('malformed', 'layout');
  // Exactly one kind of op has no parents; every other op names at least one.
  if ((body.type === 'genesis') !== (heads.length === 0)) return err('malformed', 'heads');
  const subject =
    body.type === 'admit'
      ? body.memberSignPk
      : body.type === 'remove' || body.type === 'set-role'
        ? body.member
        : body.type === 'rekey'
          ? body.newSignPk
          : undefined;
  const inviteId =
    body.type === 'invite' || body.type === 'revoke-invite' || body.type === 'admit'
      ? body.inviteId
      : undefined;
  return ok({
    opId: rosterOpId(bytes.subarray(0, idLength)),
    cellId,
    author,
    authorHex: toHex(author),
    heads,
    body,
    subjectHex: subject && toHex(subject),
    inviteIdHex: inviteId && toHex(inviteId),
    recipientsHex: body.type === 'rotate' ? body.wraps.map((w) => toHex(w.recipient)) : [],
    signed: bytes.slice(0, signedLength),
    signature,
  });
}
