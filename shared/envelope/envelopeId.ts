import { toHex } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';

export const ENVELOPE_ID_BYTES = 16;

/**
 * Content address of a sealed envelope: hex of BLAKE2b-128(len || "quire/env-id/v1" || sealed).
 * Identical bytes collapse to one wire-doc entry; anyone (a relay too) can recompute it.
 */
export function envelopeId(sealed: Uint8Array): string {
  return toHex(hash(LABELS.envelopeId, [sealed], ENVELOPE_ID_BYTES));
}
