import { fromBase64 } from 'lib0/buffer';
import * as decoding from 'lib0/decoding';
import { err, ok, type Result } from '../util/result.ts';
import { signalPayloadSchema, type SignalPayload } from './signalPayloadSchema.ts';
import type { SignalDropReason } from './SignalingStats.ts';
import type { SubtleAesGcm } from './SubtleAesGcm.ts';

/** Signaling payloads are SDP and ICE candidates: a few KiB. */
export const MAX_SIGNAL_DATA_CHARS = 64 * 1024;
const AES_GCM_IV_BYTES = 12;

/**
 * Opens one `publish` payload the way y-webrtc (src/crypto.js decryptJson) will, but with every
 * failure returned instead of thrown or left as a rejected promise: base64 -> lib0 container
 * ('AES-GCM', iv, ciphertext) -> AES-GCM with the room key -> lib0 `readAny` -> strict schema.
 * Uses lib0's own base64 and decoder so both see the same bytes.
 */
export async function openSignalPayload(
  data: unknown,
  key: unknown,
  subtle: SubtleAesGcm | undefined,
): Promise<Result<SignalPayload, SignalDropReason>> {
  if (typeof data !== 'string') return err('malformed');
  if (data.length > MAX_SIGNAL_DATA_CHARS) return err('too_large');
  let iv: Uint8Array;
  let cipher: Uint8Array;
  try {
    const decoder = decoding.createDecoder(fromBase64(data));
    if (decoding.readVarString(decoder) !== 'AES-GCM') return err('bad_encoding');
    iv = decoding.readVarUint8Array(decoder);
    cipher = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder) || iv.length !== AES_GCM_IV_BYTES) return err('bad_encoding');
  } catch {
    return err('bad_encoding');
  }
  if (subtle === undefined || key === null || key === undefined) return err('undecryptable');
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher));
  } catch {
    return err('undecryptable');
  }
  let value: unknown;
  try {
    value = decoding.readAny(decoding.createDecoder(plain));
  } catch {
    return err('invalid');
  }
  const checked = signalPayloadSchema.safeParse(value);
  return checked.success ? ok(checked.data) : err('invalid');
}
