import { bytesEqual, labelBytes } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { openSealedBox } from '../invite/openSealedBox.ts';
import { ByteReader } from '../util/ByteReader.ts';
import { err, ok, type Result } from '../util/result.ts';
import {
  MAX_MEMBER_NOTICE_BYTES,
  MAX_MEMBER_NOTICE_OP_BYTES,
  MAX_MEMBER_NOTICE_OPS,
} from './memberNotice.ts';

/**
 * Opens a notice sealed to us (sealMemberNotice) and returns its ops, still to be verified by the
 * roster log like any op. 'not_ours' for another member's notice (the normal case), 'malformed'
 * for one that opens but is not exactly label || this cell || count || ops.
 */
export function openMemberNotice(
  sealed: Uint8Array,
  cellId: Uint8Array,
  me: { readonly boxPk: Uint8Array; readonly boxSk: Uint8Array },
): Result<Uint8Array[], 'not_ours' | 'malformed'> {
  if (sealed.length > MAX_MEMBER_NOTICE_BYTES) return err('malformed');
  const plain = openSealedBox(sealed, me.boxPk, me.boxSk);
  if (!plain) return err('not_ours');
  const r = new ByteReader(plain);
  const label = labelBytes(LABELS.memberNotice);
  const head = r.bytes(label.length);
  const cell = r.bytes(cellId.length);
  const count = r.u16();
  if (!head || !bytesEqual(head, label) || !cell || !bytesEqual(cell, cellId))
    return err('malformed');
  if (count === undefined || count === 0 || count > MAX_MEMBER_NOTICE_OPS) return err('malformed');
  const ops: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const n = r.u32();
    if (n === undefined || n > MAX_MEMBER_NOTICE_OP_BYTES) return err('malformed');
    const op = r.copy(n);
    if (!op) return err('malformed');
    ops.push(op);
  }
  return r.remaining === 0 ? ok(ops) : err('malformed');
}
