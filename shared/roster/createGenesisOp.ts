import { fromHex } from '../crypto/bytes.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import { ok, type Result } from '../util/result.ts';
import { createRosterOp, type CreatedRosterOp, type SigningIdentity } from './createRosterOp.ts';
import type { EncodeError } from './encodeRosterOpUnsigned.ts';
import { SALT_BYTES } from './RosterOp.ts';

export interface CreatedCell extends CreatedRosterOp {
  /** The new cell's id: the genesis opId as 16 bytes. */
  readonly cellId: Uint8Array;
}

/**
 * Creates a cell: the genesis op whose author becomes its first coordinator. The cell id is the
 * genesis opId, so it commits to the creator's keys and a fresh random salt.
 */
export function createGenesisOp(
  creator: SigningIdentity & { readonly boxPk: Uint8Array },
  pseudonym: string,
  cellName: string,
  salt: Uint8Array = randomBytes(SALT_BYTES),
): Result<CreatedCell, EncodeError | 'oversize'> {
  const created = createRosterOp(new Uint8Array(16), creator, [], {
    type: 'genesis',
    salt,
    boxPk: creator.boxPk,
    pseudonym,
    cellName,
  });
  if (!created.ok) return created;
  return ok({ ...created.value, cellId: fromHex(created.value.opId) ?? new Uint8Array(16) });
}
