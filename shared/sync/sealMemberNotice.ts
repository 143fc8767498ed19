import { labelBytes } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { sealToBoxKey } from '../invite/sealToBoxKey.ts';
import { ByteWriter } from '../util/ByteWriter.ts';
import { err, ok, type Result } from '../util/result.ts';
import {
  MAX_MEMBER_NOTICE_BYTES,
  MAX_MEMBER_NOTICE_OP_BYTES,
  MAX_MEMBER_NOTICE_OPS,
} from './memberNotice.ts';

/**
 * Seals roster ops to one member: crypto_box_seal(boxPk, label || cellId || u16 count ||
 * (u32 length || op)*). Too many or too large ops are an error: the caller splits them.
 */
export function sealMemberNotice(
  cellId: Uint8Array,
  boxPk: Uint8Array,
  ops: readonly Uint8Array[],
): Result<Uint8Array, 'too_large' | 'bad_box_key'> {
  if (ops.length === 0 || ops.length > MAX_MEMBER_NOTICE_OPS) return err('too_large');
  const w = new ByteWriter().bytes(labelBytes(LABELS.memberNotice)).bytes(cellId).u16(ops.length);
  for (const op of ops) {
    if (op.length > MAX_MEMBER_NOTICE_OP_BYTES) return err('too_large');
    w.u32(op.length).bytes(op);
  }
  const plain = w.finish();
  if (plain.length + 48 > MAX_MEMBER_NOTICE_BYTES) return err('too_large');
  const sealed = sealToBoxKey(plain, boxPk);
  return sealed ? ok(sealed) : err('bad_box_key');
}
