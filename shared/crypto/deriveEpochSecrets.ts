import { toHex, u32be } from './bytes.ts';
import { deriveKey } from './deriveKey.ts';
import { LABELS } from './labels.ts';

export const CELL_ID_BYTES = 16;
export const EPOCH_KEY_BYTES = 32;

/**
 * The transport half of an epoch: enough to find and join the epoch's rooms (every generation),
 * nothing to read them. This is all a blind relay ever receives.
 */
export interface TransportSecrets {
  /** Root from which room names of every generation derive; handed to relays instead of K_e. */
  readonly transportRoot: Uint8Array;
  /** y-webrtc's `password` for every generation of this epoch (protects signaling only). */
  readonly transportSecret: string;
}

/** What one epoch key K_e yields for a member. */
export interface EpochSecrets extends TransportSecrets {
  /** Envelope encryption key. Never leaves members. */
  readonly contentKey: Uint8Array;
  /** Presence (awareness) encryption key. Never leaves members. */
  readonly presenceKey: Uint8Array;
}

function checkInputs(key: Uint8Array, cellId: Uint8Array): void {
  if (key.length !== EPOCH_KEY_BYTES) throw new RangeError('key must be 32 bytes');
  if (cellId.length !== CELL_ID_BYTES) throw new RangeError('cell id must be 16 bytes');
}

/** Transport secrets from the transport root (what a relay computes). */
export function deriveTransportSecrets(
  transportRoot: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): TransportSecrets {
  checkInputs(transportRoot, cellId);
  return {
    transportRoot,
    transportSecret: toHex(
      deriveKey(transportRoot, LABELS.transportSecret, [cellId, u32be(epoch)]),
    ),
  };
}

/** The rendezvous topic for generation g: 32 hex chars that reveal nothing without the transport root. */
export function deriveRoomName(
  transportRoot: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
  generation: number,
): string {
  checkInputs(transportRoot, cellId);
  return toHex(
    deriveKey(transportRoot, LABELS.roomName, [cellId, u32be(epoch), u32be(generation)], 16),
  );
}

/**
 * K_e -> transport root (-> room names, transport secret), content key, presence key.
 * Keyed BLAKE2b with distinct labels: knowing the transport half gives no information on the
 * content half.
 */
export function deriveEpochSecrets(
  epochKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): EpochSecrets {
  checkInputs(epochKey, cellId);
  const ctx = [cellId, u32be(epoch)];
  const transportRoot = deriveKey(epochKey, LABELS.transportRoot, ctx);
  return {
    ...deriveTransportSecrets(transportRoot, cellId, epoch),
    contentKey: deriveKey(epochKey, LABELS.contentKey, ctx),
    presenceKey: deriveKey(epochKey, LABELS.presenceKey, ctx),
  };
}
