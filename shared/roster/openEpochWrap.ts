import { bytesEqual } from '../crypto/bytes.ts';
import { openSealedBox } from '../invite/openSealedBox.ts';
import { err, ok, type Result } from '../util/result.ts';
import { epochWrapPlaintext } from './epochWrapPlaintext.ts';
import type { RotateBody, WrapKind } from './RosterOp.ts';

export type OpenEpochWrapError = 'not_recipient' | 'bad_wrap' | 'wrap_pruned';

export interface OpenedEpochWrap {
  readonly epoch: number;
  readonly kind: WrapKind;
  /** K_e for a member wrap; the transport root for a relay wrap. */
  readonly secret: Uint8Array;
}

/**
 * Finds and opens this identity's wrap in a rotate op. Open only rotates that computeRoster has
 * counted (verify before use). Fails if the plaintext is not exactly the expected label, kind,
 * cell and epoch; `wrap_pruned` if the rotate's wraps were pruned (history horizon): the key of
 * that epoch is not in this copy, and another copy must carry it.
 */
export function openEpochWrap(
  rotate: RotateBody,
  cellId: Uint8Array,
  me: { readonly signPk: Uint8Array; readonly boxPk: Uint8Array; readonly boxSk: Uint8Array },
): Result<OpenedEpochWrap, OpenEpochWrapError> {
  const e = rotate.newEpoch;
  if (!Number.isInteger(e) || e < 1 || e > 0xffffffff) return err('bad_wrap');
  const wrap = rotate.wraps.find((w) => bytesEqual(w.recipient, me.signPk));
  if (!wrap) return err('not_recipient');
  if (!wrap.sealed) return err('wrap_pruned');
  const plain = openSealedBox(wrap.sealed, me.boxPk, me.boxSk);
  if (!plain || plain.length < 32) return err('bad_wrap');
  const secret = plain.slice(plain.length - 32);
  const expected = epochWrapPlaintext(wrap.kind, cellId, rotate.newEpoch, secret);
  if (!bytesEqual(plain, expected)) return err('bad_wrap');
  return ok({ epoch: rotate.newEpoch, kind: wrap.kind, secret });
}
