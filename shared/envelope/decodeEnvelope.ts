import { err, ok, type Result } from '../util/result.ts';
import type { DecodedEnvelope } from './DecodedEnvelope.ts';
import type { DecodeEnvelopeRejection } from './EnvelopeRejection.ts';
import { isEnvelopeKind } from './EnvelopeKind.ts';
import {
  ENVELOPE_FIXED_PLAINTEXT_BYTES,
  MAX_BODY_BYTES,
  OFFSET_AUTHOR,
  OFFSET_BODY,
  OFFSET_BODY_LENGTH,
  OFFSET_DOC_ID,
  OFFSET_KIND,
  OFFSET_SEQ,
  OFFSET_TIME,
} from './envelopeFormat.ts';
import { readU64be } from './u64be.ts';

/**
 * Parses an unpadded plaintext (from decryptEnvelope). Strict: the body length must account for
 * every byte, seq must be >= 1, time must be a safe integer. Returns copies, so the caller's
 * buffer can be reused. Says nothing about authenticity: verify the signature next.
 */
export function decodeEnvelope(
  plaintext: Uint8Array,
): Result<DecodedEnvelope, DecodeEnvelopeRejection> {
  if (plaintext.length < ENVELOPE_FIXED_PLAINTEXT_BYTES) return err('malformed', 'too short');
  const kind = plaintext[OFFSET_KIND];
  if (!isEnvelopeKind(kind)) return err('unknown_kind', `kind ${String(kind)}`);
  const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  const seq = view.getUint32(OFFSET_SEQ, false);
  const time = readU64be(view, OFFSET_TIME);
  const bodyLength = view.getUint32(OFFSET_BODY_LENGTH, false);
  if (
    bodyLength !== plaintext.length - ENVELOPE_FIXED_PLAINTEXT_BYTES ||
    bodyLength > MAX_BODY_BYTES
  )
    return err('malformed', 'body length does not match');
  if (seq === 0) return err('malformed', 'seq 0');
  if (time === undefined) return err('malformed', 'time beyond 2^53');
  const signatureStart = OFFSET_BODY + bodyLength;
  return ok({
    kind,
    docId: plaintext.slice(OFFSET_DOC_ID, OFFSET_AUTHOR),
    author: plaintext.slice(OFFSET_AUTHOR, OFFSET_SEQ),
    seq,
    time,
    body: plaintext.slice(OFFSET_BODY, signatureStart),
    signature: plaintext.slice(signatureStart),
  });
}
