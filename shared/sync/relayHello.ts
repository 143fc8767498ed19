import { concatBytes } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { SIGN_PUBLIC_BYTES, SIGNATURE_BYTES, signDetached } from '../crypto/signDetached.ts';
import { sodium } from '../crypto/sodium.ts';
import { verifyDetached } from '../crypto/verifyDetached.ts';

/** The wire awareness field a blind relay sets in every room it joins (PROTOCOL §6). */
export const RELAY_HELLO_FIELD = 'r';

const HELLO_BYTES = SIGN_PUBLIC_BYTES + SIGNATURE_BYTES;
/** base64 of 96 bytes is 128 characters; anything longer is not a hello. */
const MAX_HELLO_CHARS = 160;

/** cellId ‖ u32be(high) ‖ u32be(low) of the awareness clientID (an integer below 2^53). */
function helloMessage(cellId: Uint8Array, clientId: number): Uint8Array {
  const id = new Uint8Array(8);
  const view = new DataView(id.buffer);
  view.setUint32(0, Math.floor(clientId / 2 ** 32));
  view.setUint32(4, clientId >>> 0);
  return concatBytes(cellId, id);
}

/**
 * What a relay puts in its awareness state so members can show "relay reachable": its signing
 * key and a signature binding that key to this cell and this awareness client. It reveals only
 * what every member's roster already holds, and only to peers in the cell's rooms.
 */
export function relayHello(
  identity: { readonly signPk: Uint8Array; readonly signSk: Uint8Array },
  cellId: Uint8Array,
  clientId: number,
): string {
  const signature = signDetached(
    identity.signSk,
    LABELS.relayHello,
    helloMessage(cellId, clientId),
  );
  return sodium().to_base64(concatBytes(identity.signPk, signature));
}

/**
 * The relay's signing key if `raw` (an awareness state's hello field, from the network) is a valid
 * hello for this cell and the client that sent it; undefined for anything else. The caller still
 * checks that the key is a relay in its roster. A member could copy a hello only under the same
 * clientID as the relay's, which misleads a status line at most.
 */
export function openRelayHello(
  raw: unknown,
  cellId: Uint8Array,
  clientId: number,
): Uint8Array | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_HELLO_CHARS) return undefined;
  if (!Number.isSafeInteger(clientId) || clientId < 0) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = sodium().from_base64(raw);
  } catch {
    return undefined;
  }
  if (bytes.length !== HELLO_BYTES) return undefined;
  const signPk = bytes.slice(0, SIGN_PUBLIC_BYTES);
  const signature = bytes.slice(SIGN_PUBLIC_BYTES);
  return verifyDetached(signPk, LABELS.relayHello, helloMessage(cellId, clientId), signature)
    ? signPk
    : undefined;
}
