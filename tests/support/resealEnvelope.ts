import { aeadSeal } from '../../shared/crypto/aeadSeal.ts';
import { concatBytes } from '../../shared/crypto/bytes.ts';
import { decryptEnvelope } from '../../shared/envelope/decryptEnvelope.ts';
import { envelopeAd } from '../../shared/envelope/envelopeAd.ts';
import { envelopeId } from '../../shared/envelope/envelopeId.ts';
import { ENVELOPE_VERSION } from '../../shared/envelope/envelopeFormat.ts';
import { padPlaintext } from '../../shared/envelope/padPlaintext.ts';
import { paddedEnvelopeLength } from '../../shared/envelope/paddedEnvelopeLength.ts';

/**
 * What any holder of the content key can do without the author's signing key: open an honest
 * envelope and seal the same signed plaintext again under a fresh nonce (a new envId).
 */
export function resealEnvelope(
  bytes: Uint8Array,
  contentKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): { envId: string; bytes: Uint8Array } | undefined {
  const plain = decryptEnvelope(bytes, contentKey, cellId, epoch);
  if (!plain.ok) return undefined;
  const sealed = concatBytes(
    new Uint8Array([ENVELOPE_VERSION]),
    aeadSeal(
      contentKey,
      padPlaintext(plain.value, paddedEnvelopeLength(plain.value.length)),
      envelopeAd(cellId, epoch),
    ),
  );
  return { envId: envelopeId(sealed), bytes: sealed };
}
