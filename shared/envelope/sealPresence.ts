import { AEAD_KEY_BYTES, AEAD_NONCE_BYTES, aeadSeal } from '../crypto/aeadSeal.ts';
import { bytesEqual, concatBytes } from '../crypto/bytes.ts';
import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGN_PUBLIC_BYTES, SIGN_SECRET_BYTES, signDetached } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import { isUint32 } from './isUint32.ts';
import { padPlaintext } from './padPlaintext.ts';
import {
  MAX_PRESENCE_STATE_BYTES,
  PRESENCE_OFFSET_AUTHOR,
  PRESENCE_OFFSET_CLIENT,
  PRESENCE_OFFSET_SEQ,
  PRESENCE_OFFSET_STATE,
  PRESENCE_OFFSET_STATE_LENGTH,
  PRESENCE_OFFSET_TIME,
  PRESENCE_PADDED_BYTES,
  PRESENCE_VERSION,
} from './presenceFormat.ts';
import { presenceAd } from './presenceAd.ts';
import { presenceSignatureInput } from './presenceSignatureInput.ts';

export interface SealPresenceInput {
  /** The epoch's presenceKey (deriveEpochSecrets). */
  readonly presenceKey: Uint8Array;
  readonly cellId: Uint8Array;
  readonly epoch: number;
  readonly author: { readonly signPk: Uint8Array; readonly signSk: Uint8Array };
  /** The author's awareness clientID in the room the blob is sent in (0..2^53-1): its session. */
  readonly clientId: number;
  /** The author's clock in ms since 1970 (0..2^53-1); receivers refuse blobs far from theirs. */
  readonly time: number;
  /** Strictly increasing per author (1..2^53-1); receivers drop anything not above the last seen. */
  readonly seq: number;
  /** Opaque presence state (cursor, draft), at most 2 KiB. */
  readonly state: Uint8Array;
  /** Only known-answer tests fix the nonce. */
  readonly nonce?: Uint8Array;
}

export type SealPresenceError = 'invalid_argument' | 'state_too_large';

/**
 * version (1) || nonce (24) || XChaCha20-Poly1305(presenceKey, pad2304(author || clientId u64be ||
 * time u64be || seq u64be || stateLength u16be || state || signature), AD): always 2345 bytes.
 */
export function sealPresence(input: SealPresenceInput): Result<Uint8Array, SealPresenceError> {
  const { presenceKey, cellId, epoch, author, clientId, time, seq, state, nonce } = input;
  if (state.length > MAX_PRESENCE_STATE_BYTES) return err('state_too_large');
  if (presenceKey.length !== AEAD_KEY_BYTES)
    return err('invalid_argument', 'presenceKey must be 32 bytes');
  if (cellId.length !== CELL_ID_BYTES) return err('invalid_argument', 'cellId must be 16 bytes');
  if (!isUint32(epoch)) return err('invalid_argument', 'epoch must be a u32');
  if (!Number.isSafeInteger(seq) || seq < 1) return err('invalid_argument', 'seq must be >= 1');
  if (!Number.isSafeInteger(clientId) || clientId < 0)
    return err('invalid_argument', 'clientId must be a safe non-negative integer');
  if (!Number.isSafeInteger(time) || time < 0)
    return err('invalid_argument', 'time must be a safe non-negative integer');
  if (nonce !== undefined && nonce.length !== AEAD_NONCE_BYTES)
    return err('invalid_argument', 'nonce must be 24 bytes');
  if (author.signPk.length !== SIGN_PUBLIC_BYTES || author.signSk.length !== SIGN_SECRET_BYTES)
    return err('invalid_argument', 'bad signing key length');
  if (!bytesEqual(author.signSk.subarray(SIGN_SECRET_BYTES - SIGN_PUBLIC_BYTES), author.signPk))
    return err('invalid_argument', 'signPk does not belong to signSk');

  const fields = new Uint8Array(PRESENCE_OFFSET_STATE + state.length);
  const view = new DataView(fields.buffer);
  fields.set(author.signPk, PRESENCE_OFFSET_AUTHOR);
  view.setBigUint64(PRESENCE_OFFSET_CLIENT, BigInt(clientId), false);
  view.setBigUint64(PRESENCE_OFFSET_TIME, BigInt(time), false);
  view.setBigUint64(PRESENCE_OFFSET_SEQ, BigInt(seq), false);
  view.setUint16(PRESENCE_OFFSET_STATE_LENGTH, state.length, false);
  fields.set(state, PRESENCE_OFFSET_STATE);
  const signature = signDetached(
    author.signSk,
    LABELS.presenceSig,
    presenceSignatureInput(cellId, epoch, fields),
  );
  const padded = padPlaintext(concatBytes(fields, signature), PRESENCE_PADDED_BYTES);
  return ok(
    concatBytes(
      new Uint8Array([PRESENCE_VERSION]),
      aeadSeal(presenceKey, padded, presenceAd(cellId, epoch), nonce),
    ),
  );
}
