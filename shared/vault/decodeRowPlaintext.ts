import { err, ok, type Result } from '../util/result.ts';
import { MAX_KEY_BYTES, ROW_FORMAT } from './encodeRowPlaintext.ts';

const HEAD = 1 + 2;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Parses `encodeRowPlaintext` output; any inconsistency (lengths, non-zero padding, bad UTF-8) is 'malformed'. */
export function decodeRowPlaintext(
  bytes: Uint8Array,
): Result<{ key: string; value: Uint8Array }, 'malformed'> {
  if (bytes.length < HEAD + 4 || bytes[0] !== ROW_FORMAT) return err('malformed');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keyLen = view.getUint16(1, false);
  if (keyLen > MAX_KEY_BYTES || HEAD + keyLen + 4 > bytes.length) return err('malformed');
  const valueLen = view.getUint32(HEAD + keyLen, false);
  const valueStart = HEAD + keyLen + 4;
  if (valueLen > bytes.length - valueStart) return err('malformed');
  for (let i = valueStart + valueLen; i < bytes.length; i++) {
    if (bytes[i] !== 0) return err('malformed');
  }
  let key: string;
  try {
    key = decoder.decode(bytes.subarray(HEAD, HEAD + keyLen));
  } catch {
    return err('malformed');
  }
  return ok({ key, value: bytes.slice(valueStart, valueStart + valueLen) });
}
