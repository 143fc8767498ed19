import { toBase64 } from 'lib0/buffer';
import * as encoding from 'lib0/encoding';
import type { SubtleAesGcm } from './SubtleAesGcm.ts';

/**
 * Seals a signaling payload exactly as y-webrtc's publishSignalingMessage does (src/crypto.js
 * encryptJson): lib0 `writeAny`, AES-GCM under the room key with a random 12-byte IV, the lib0
 * container ('AES-GCM', iv, ciphertext), base64.
 */
export async function sealSignalPayload(
  payload: { readonly type: 'announce'; readonly from: string },
  key: unknown,
  subtle: SubtleAesGcm,
): Promise<string> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, { type: payload.type, from: payload.from });
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain));
  const sealed = encoding.createEncoder();
  encoding.writeVarString(sealed, 'AES-GCM');
  encoding.writeVarUint8Array(sealed, iv);
  encoding.writeVarUint8Array(sealed, new Uint8Array(cipher));
  return toBase64(encoding.toUint8Array(sealed));
}
