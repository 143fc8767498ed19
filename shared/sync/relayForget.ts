import { bytesEqual, concatBytes, u32be } from '../crypto/bytes.ts';
import { CELL_ID_BYTES, EPOCH_KEY_BYTES } from '../crypto/deriveEpochSecrets.ts';
import { deriveKey } from '../crypto/deriveKey.ts';
import { LABELS } from '../crypto/labels.ts';

/**
 * Forget notices for blind relays (history horizon, PROTOCOL §11.5): once a device has forgotten
 * every epoch below `below`, it posts into the current wire doc of epoch `p` (≥ below), as a relay
 * notice entry (relayNotice.ts: members keep and re-serve it without reading it),
 *
 *   notice = u32be(below) ‖ KDF_32(transportRoot_p, "quire/relay-forget/v1", cellId ‖ u32be(p) ‖ u32be(below))
 *
 * A relay checks the proof with the root of the line the notice arrived in, so only someone who
 * holds epoch p's transport root can write it, and only for epochs below p's own: whoever was
 * removed at the rotation to p (and holds only older roots) cannot make relays drop epoch p − 1,
 * where the members who were offline find that rotation. 36 bytes: a relay wrap is 121.
 */
export const RELAY_FORGET_BYTES = 4 + 32;

function proof(root: Uint8Array, cellId: Uint8Array, epoch: number, below: number): Uint8Array {
  return deriveKey(root, LABELS.relayForget, [cellId, u32be(epoch), u32be(below)]);
}

const valid = (root: Uint8Array, cellId: Uint8Array, epoch: number, below: number): boolean =>
  root.length === EPOCH_KEY_BYTES &&
  cellId.length === CELL_ID_BYTES &&
  Number.isInteger(epoch) &&
  Number.isInteger(below) &&
  below >= 1 &&
  below <= epoch &&
  epoch <= 0xffffffff;

/** The notice asking relays to forget every epoch below `below`, proven with epoch `epoch`'s root. */
export function relayForgetNotice(
  transportRoot: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
  below: number,
): Uint8Array | undefined {
  if (!valid(transportRoot, cellId, epoch, below)) return undefined;
  return concatBytes(u32be(below), proof(transportRoot, cellId, epoch, below));
}

/**
 * What a relay makes of a notice found in its line of epoch `epoch` (root `transportRoot`): the
 * epoch below which it is asked to forget, or undefined if the bytes are not a forget notice, or
 * not proven with this root for this cell and epoch, or ask for an epoch at or above `epoch`.
 */
export function openRelayForget(
  bytes: Uint8Array,
  transportRoot: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): number | undefined {
  if (bytes.length !== RELAY_FORGET_BYTES) return undefined;
  const below = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
  if (!valid(transportRoot, cellId, epoch, below)) return undefined;
  return bytesEqual(bytes.subarray(4), proof(transportRoot, cellId, epoch, below))
    ? below
    : undefined;
}
