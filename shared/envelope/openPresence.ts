import { AEAD_KEY_BYTES } from '../crypto/aeadSeal.ts';
import { aeadOpen } from '../crypto/aeadOpen.ts';
import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGNATURE_BYTES } from '../crypto/signDetached.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import { isUint32 } from './isUint32.ts';
import {
  MAX_PRESENCE_STATE_BYTES,
  PRESENCE_FIXED_PLAINTEXT_BYTES,
  PRESENCE_OFFSET_AUTHOR,
  PRESENCE_OFFSET_CLIENT,
  PRESENCE_OFFSET_SEQ,
  PRESENCE_OFFSET_STATE,
  PRESENCE_OFFSET_STATE_LENGTH,
  PRESENCE_OFFSET_TIME,
  PRESENCE_SEALED_BYTES,
  PRESENCE_VERSION,
  type PresenceRejection,
} from './presenceFormat.ts';
import { presenceAd } from './presenceAd.ts';
import { presenceSignatureInput } from './presenceSignatureInput.ts';
import { readU64be } from './u64be.ts';
import { unpadPlaintext } from './unpadPlaintext.ts';

export interface OpenedPresence {
  /** Ed25519 public key of the signer: the caller still checks that it is a member of the cell. */
  readonly author: Uint8Array;
  /** The awareness clientID the author sent this blob under (the caller compares it). */
  readonly clientId: number;
  /** The author's clock when sealing, ms since 1970 (the caller checks freshness). */
  readonly time: number;
  readonly seq: number;
  readonly state: Uint8Array;
}

/**
 * Exact size -> version -> decrypt -> unpad -> decode -> signature. The caller then checks that
 * the author is a current member, that clientId is the awareness client that carried the blob,
 * that time is fresh and that the blob is newer than the last one accepted from that author.
 */
export function openPresence(
  bytes: Uint8Array,
  presenceKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): Result<OpenedPresence, PresenceRejection> {
  if (bytes.length !== PRESENCE_SEALED_BYTES) return err('bad_length');
  if (bytes[0] !== PRESENCE_VERSION) return err('unsupported_version');
  if (presenceKey.length !== AEAD_KEY_BYTES || cellId.length !== CELL_ID_BYTES || !isUint32(epoch))
    return err('decrypt_failed', 'invalid key, cellId or epoch');
  const padded = aeadOpen(presenceKey, bytes.subarray(1), presenceAd(cellId, epoch));
  if (padded === undefined) return err('decrypt_failed');
  const unpadded = unpadPlaintext(padded);
  if (!unpadded.ok) return unpadded;
  const p = unpadded.value;

  if (p.length < PRESENCE_FIXED_PLAINTEXT_BYTES) return err('malformed', 'too short');
  const view = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const clientId = readU64be(view, PRESENCE_OFFSET_CLIENT);
  const time = readU64be(view, PRESENCE_OFFSET_TIME);
  const seq = readU64be(view, PRESENCE_OFFSET_SEQ);
  const stateLength = view.getUint16(PRESENCE_OFFSET_STATE_LENGTH, false);
  if (
    stateLength > MAX_PRESENCE_STATE_BYTES ||
    stateLength !== p.length - PRESENCE_FIXED_PLAINTEXT_BYTES
  )
    return err('malformed', 'state length does not match');
  if (seq === undefined || seq < 1) return err('malformed', 'seq out of range');
  if (clientId === undefined || time === undefined)
    return err('malformed', 'clientId or time out of range');
  const signatureStart = p.length - SIGNATURE_BYTES;
  const author = p.slice(PRESENCE_OFFSET_AUTHOR, PRESENCE_OFFSET_CLIENT);
  const message = presenceSignatureInput(cellId, epoch, p.subarray(0, signatureStart));
  if (!verifyDetached(author, LABELS.presenceSig, message, p.subarray(signatureStart)))
    return err('bad_signature');
  return ok({ author, clientId, time, seq, state: p.slice(PRESENCE_OFFSET_STATE, signatureStart) });
}
