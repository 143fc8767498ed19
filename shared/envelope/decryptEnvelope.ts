import { AEAD_KEY_BYTES } from '../crypto/aeadSeal.ts';
import { aeadOpen } from '../crypto/aeadOpen.ts';
import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { err, type Result } from '../util/result.ts';
import type { DecryptEnvelopeRejection } from './EnvelopeRejection.ts';
import { checkEnvelopeSize } from './checkEnvelopeSize.ts';
import { envelopeAd } from './envelopeAd.ts';
import { ENVELOPE_OVERHEAD_BYTES, ENVELOPE_VERSION, MIN_PADDED_BYTES } from './envelopeFormat.ts';
import { isUint32 } from './isUint32.ts';
import { padmeLength } from './padmeLength.ts';
import { envelopePaddedLength } from './envelopePaddedLength.ts';
import { unpadPlaintext } from './unpadPlaintext.ts';

/**
 * Size cap -> version -> length is a Padmé size -> AEAD open under (cellId, epoch) -> unpad.
 * Returns the unpadded plaintext (fields || signature), not yet decoded or verified.
 * Everything before the AEAD is cheap and key-free, so garbage never costs a decryption.
 */
export function decryptEnvelope(
  bytes: Uint8Array,
  contentKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): Result<Uint8Array, DecryptEnvelopeRejection> {
  const size = checkEnvelopeSize(bytes);
  if (!size.ok) return size;
  if (bytes.length === 0) return err('bad_length');
  if (bytes[0] !== ENVELOPE_VERSION) return err('unsupported_version');
  const paddedLength = bytes.length - ENVELOPE_OVERHEAD_BYTES;
  if (paddedLength < MIN_PADDED_BYTES || padmeLength(paddedLength) !== paddedLength)
    return err('bad_length');
  if (contentKey.length !== AEAD_KEY_BYTES || cellId.length !== CELL_ID_BYTES || !isUint32(epoch))
    return err('decrypt_failed', 'invalid key, cellId or epoch');

  const padded = aeadOpen(contentKey, bytes.subarray(1), envelopeAd(cellId, epoch));
  if (padded === undefined) return err('decrypt_failed');
  const plaintext = unpadPlaintext(padded);
  if (!plaintext.ok) return plaintext;
  // Only the canonical padding is valid, so the plaintext has exactly one encoding on the wire.
  if (envelopePaddedLength(plaintext.value) !== padded.length)
    return err('bad_padding', 'not the canonical padded length');
  return plaintext;
}
