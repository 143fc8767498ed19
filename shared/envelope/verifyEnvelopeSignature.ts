import { CELL_ID_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { LABELS } from '../crypto/labels.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { DecodedEnvelope } from './DecodedEnvelope.ts';
import { encodeEnvelopeFields } from './encodeEnvelopeFields.ts';
import { envelopeSignatureInput } from './envelopeSignatureInput.ts';
import { isUint32 } from './isUint32.ts';

/**
 * Checks that `decoded.author` signed these exact fields for this cell and epoch. Run it after
 * the engine has checked that the author may write at this epoch (no CPU spent on strangers).
 */
export function verifyEnvelopeSignature(
  decoded: DecodedEnvelope,
  cellId: Uint8Array,
  epoch: number,
): Result<void, 'bad_signature'> {
  if (cellId.length !== CELL_ID_BYTES || !isUint32(epoch))
    return err('bad_signature', 'invalid cellId or epoch');
  const fields = encodeEnvelopeFields(decoded);
  if (!fields.ok) return err('bad_signature', fields.detail);
  const message = envelopeSignatureInput(cellId, epoch, fields.value);
  return verifyDetached(decoded.author, LABELS.envelopeSig, message, decoded.signature)
    ? ok(undefined)
    : err('bad_signature');
}
