import { fromHex } from '../crypto/bytes.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { err, ok, type Result } from '../util/result.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { encodeRosterOpBody, opVersion } from './encodeRosterOpBody.ts';
import { MAX_HEADS, OP_ID_BYTES, OP_TYPE_CODES, type RosterOpBody } from './RosterOp.ts';

export type EncodeError = 'invalid_body' | 'invalid_heads' | 'invalid_header';

/**
 * The signed part of an op: version (opVersion) || cellId || type || author || headCount || heads || bodyLen ||
 * body. Heads are sorted and deduplicated here, so callers may pass any frontier they hold.
 */
export function encodeRosterOpUnsigned(
  cellId: Uint8Array,
  author: Uint8Array,
  heads: readonly string[],
  body: RosterOpBody,
): Result<Uint8Array, EncodeError> {
  if (cellId.length !== CELL_ID_BYTES || author.length !== SIGN_PUBLIC_BYTES)
    return err('invalid_header');
  // A genesis names no cell: the cell id is its opId (see verifyRosterOp).
  if (body.type === 'genesis' && cellId.some((b) => b !== 0))
    return err('invalid_header', 'cellId');
  const sorted = [...new Set(heads.map((h) => h.toLowerCase()))].sort();
  const isGenesis = body.type === 'genesis';
  if (sorted.length > MAX_HEADS || (isGenesis ? sorted.length !== 0 : sorted.length === 0))
    return err('invalid_heads');
  const headBytes: Uint8Array[] = [];
  for (const h of sorted) {
    const b = fromHex(h);
    if (!b || b.length !== OP_ID_BYTES) return err('invalid_heads', h);
    headBytes.push(b);
  }
  const encodedBody = encodeRosterOpBody(body);
  if (!encodedBody.ok) return encodedBody;
  if (encodedBody.value.length > 0xffff) return err('invalid_body', 'body too long');
  const w = new ByteWriter()
    .u8(opVersion(body))
    .bytes(cellId)
    .u8(OP_TYPE_CODES.indexOf(body.type))
    .bytes(author)
    .u8(headBytes.length);
  for (const h of headBytes) w.bytes(h);
  return ok(w.u16(encodedBody.value.length).bytes(encodedBody.value).finish());
}
