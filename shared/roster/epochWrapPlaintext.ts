import { concatBytes, labelBytes, u32be } from '../crypto/bytes.ts';
import { LABELS } from '../crypto/labels.ts';
import { WRAP_KIND_CODES, type WrapKind } from './RosterOp.ts';

/**
 * What one rotate wrap seals: len || "quire/epoch-wrap/v1" || kind (0 member, 1 relay) ||
 * cellId (16) || epoch u32 || secret (32: K_e for members, the epoch's transport root for relays).
 * The recipient checks every field, so a wrap cannot be replayed into another cell, epoch or role.
 */
export function epochWrapPlaintext(
  kind: WrapKind,
  cellId: Uint8Array,
  epoch: number,
  secret: Uint8Array,
): Uint8Array {
  return concatBytes(
    labelBytes(LABELS.epochKeyWrap),
    new Uint8Array([WRAP_KIND_CODES.indexOf(kind)]),
    cellId,
    u32be(epoch),
    secret,
  );
}
