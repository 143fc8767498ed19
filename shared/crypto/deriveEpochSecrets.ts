import { toHex, u32be } from './bytes.ts';
import { deriveKey } from './deriveKey.ts';
import { LABELS } from './labels.ts';

export const CELL_ID_BYTES = 16;
export const EPOCH_KEY_BYTES = 32;

/** What one epoch key K_e yields. A relay receives `roomName` and `transportSecret`, never `contentKey`. */
export interface EpochSecrets {
  /** Transport secret: y-webrtc's `password` for every generation of this epoch (protects signaling only). */
  readonly transportSecret: string;
  /** Envelope encryption key. */
  readonly contentKey: Uint8Array;
  /** Presence (awareness) encryption key. */
  readonly presenceKey: Uint8Array;
}

/** The rendezvous topic for generation g of the epoch: 32 hex chars that reveal nothing without K_e. */
export function deriveRoomName(
  epochKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
  generation: number,
): string {
  return toHex(deriveKey(epochKey, LABELS.roomName, [cellId, u32be(epoch), u32be(generation)], 16));
}

export function deriveEpochSecrets(
  epochKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
): EpochSecrets {
  if (epochKey.length !== EPOCH_KEY_BYTES) throw new RangeError('epoch key must be 32 bytes');
  if (cellId.length !== CELL_ID_BYTES) throw new RangeError('cell id must be 16 bytes');
  const ctx = [cellId, u32be(epoch)];
  return {
    transportSecret: toHex(deriveKey(epochKey, LABELS.transportSecret, ctx, 32)),
    contentKey: deriveKey(epochKey, LABELS.contentKey, ctx, 32),
    presenceKey: deriveKey(epochKey, LABELS.presenceKey, ctx, 32),
  };
}
