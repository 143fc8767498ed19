import { SIGN_PUBLIC_BYTES } from '../crypto/signDetached.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { EnvelopeFields } from './DecodedEnvelope.ts';
import { isEnvelopeKind } from './EnvelopeKind.ts';
import {
  DOC_ID_BYTES,
  MAX_BODY_BYTES,
  OFFSET_AUTHOR,
  OFFSET_BODY,
  OFFSET_BODY_LENGTH,
  OFFSET_DOC_ID,
  OFFSET_KIND,
  OFFSET_SEQ,
  OFFSET_TIME,
} from './envelopeFormat.ts';
import { isUint32 } from './isUint32.ts';

/**
 * kind u8 || docId (16) || author (32) || seq u32be || time u64be || bodyLength u32be || body:
 * the plaintext without its trailing signature. Refuses fields that have no encoding.
 */
export function encodeEnvelopeFields(f: EnvelopeFields): Result<Uint8Array, 'invalid_fields'> {
  if (!isEnvelopeKind(f.kind)) return err('invalid_fields', 'unknown kind');
  if (f.docId.length !== DOC_ID_BYTES) return err('invalid_fields', 'docId must be 16 bytes');
  if (f.author.length !== SIGN_PUBLIC_BYTES)
    return err('invalid_fields', 'author must be 32 bytes');
  if (!isUint32(f.seq) || f.seq === 0) return err('invalid_fields', 'seq must be 1..2^32-1');
  if (!Number.isSafeInteger(f.time) || f.time < 0)
    return err('invalid_fields', 'time out of range');
  if (f.body.length > MAX_BODY_BYTES) return err('invalid_fields', 'body too large');
  const out = new Uint8Array(OFFSET_BODY + f.body.length);
  const view = new DataView(out.buffer);
  out[OFFSET_KIND] = f.kind;
  out.set(f.docId, OFFSET_DOC_ID);
  out.set(f.author, OFFSET_AUTHOR);
  view.setUint32(OFFSET_SEQ, f.seq, false);
  view.setBigUint64(OFFSET_TIME, BigInt(f.time), false);
  view.setUint32(OFFSET_BODY_LENGTH, f.body.length, false);
  out.set(f.body, OFFSET_BODY);
  return ok(out);
}
