import {
  CELL_ID_BYTES,
  EPOCH_KEY_BYTES,
  deriveEpochSecrets,
} from '../crypto/deriveEpochSecrets.ts';
import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { sealToBoxKey } from '../invite/sealToBoxKey.ts';
import { err, ok, type Result } from '../util/result.ts';
import { compareBytes } from './compareBytes.ts';
import { epochWrapPlaintext } from './epochWrapPlaintext.ts';
import { MAX_ROTATE_RECIPIENTS, type EpochWrap, type WrapKind } from './RosterOp.ts';

export interface WrapRecipient {
  readonly signPk: Uint8Array;
  readonly boxPk: Uint8Array;
  readonly kind: WrapKind;
}

/** A wrap just sealed: its bytes are there (only a stored op's may be pruned). */
export interface SealedEpochWrap extends EpochWrap {
  readonly sealed: Uint8Array;
}

/**
 * The wraps of a rotate op to `newEpoch`: K_e sealed to each member (coordinators and readers
 * included), and only the epoch's transport root (deriveEpochSecrets) to each relay, so a relay
 * can find and join rooms but never derive the content or presence key. Sorted by signPk.
 */
export function sealEpochWraps(
  cellId: Uint8Array,
  newEpoch: number,
  epochKey: Uint8Array,
  recipients: readonly WrapRecipient[],
): Result<
  SealedEpochWrap[],
  'invalid_recipient' | 'bad_recipient_count' | 'invalid_key' | 'invalid_epoch'
> {
  if (epochKey.length !== EPOCH_KEY_BYTES || cellId.length !== CELL_ID_BYTES)
    return err('invalid_key');
  if (!Number.isInteger(newEpoch) || newEpoch < 1 || newEpoch > 0xffffffff)
    return err('invalid_epoch');
  if (recipients.length < 1 || recipients.length > MAX_ROTATE_RECIPIENTS)
    return err('bad_recipient_count');
  const { transportRoot } = deriveEpochSecrets(epochKey, cellId, newEpoch);
  const sorted = [...recipients].sort((a, b) => compareBytes(a.signPk, b.signPk));
  const wraps: SealedEpochWrap[] = [];
  for (const r of sorted) {
    const prev = wraps[wraps.length - 1];
    if (r.signPk.length !== SIGN_PUBLIC_BYTES) return err('invalid_recipient');
    if (prev && compareBytes(prev.recipient, r.signPk) === 0) return err('invalid_recipient');
    const secret = r.kind === 'relay' ? transportRoot : epochKey;
    const sealed = sealToBoxKey(epochWrapPlaintext(r.kind, cellId, newEpoch, secret), r.boxPk);
    if (!sealed) return err('invalid_recipient');
    wraps.push({ recipient: r.signPk.slice(), kind: r.kind, sealed });
  }
  return ok(wraps);
}
