import { concatBytes } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGN_SECRET_BYTES, signDetached } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import { wrapsTrailer } from './encodeRosterOpBody.ts';
import { encodeRosterOpUnsigned, type EncodeError } from './encodeRosterOpUnsigned.ts';
import { rosterOpId } from './rosterOpId.ts';
import { MAX_OP_BYTES, type RosterOpBody } from './RosterOp.ts';

export interface SigningIdentity {
  readonly signPk: Uint8Array;
  readonly signSk: Uint8Array;
}

export interface CreatedRosterOp {
  readonly opId: string;
  readonly bytes: Uint8Array;
}

/**
 * Encodes and signs one op (a genesis: use createGenesisOp, which fixes the cell id). `heads` are the opIds the author has seen and not yet referenced
 * (its frontier, at most MAX_HEADS); they are sorted and deduplicated here.
 */
export function createRosterOp(
  cellId: Uint8Array,
  author: SigningIdentity,
  heads: readonly string[],
  body: RosterOpBody,
): Result<CreatedRosterOp, EncodeError | 'oversize'> {
  if (author.signSk.length !== SIGN_SECRET_BYTES) return err('invalid_header', 'signSk');
  const unsigned = encodeRosterOpUnsigned(cellId, author.signPk, heads, body);
  if (!unsigned.ok) return unsigned;
  const bytes = concatBytes(
    unsigned.value,
    signDetached(author.signSk, LABELS.rosterOpSig, unsigned.value),
    wrapsTrailer(body),
  );
  if (bytes.length > MAX_OP_BYTES) return err('oversize');
  return ok({ opId: rosterOpId(bytes), bytes });
}
