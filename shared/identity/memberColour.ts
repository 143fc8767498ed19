import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';
import { PALETTE, type Colour } from './palette.ts';

/**
 * A member's colour (carets, swatches), derived from their signing key: every screen, their own
 * included, shows the same colour for the same member without it travelling in the roster.
 */
export function memberColour(signPk: Uint8Array): Colour {
  const h = hash(LABELS.fingerprint, [signPk], 16);
  return PALETTE[(h[0] ?? 0) % PALETTE.length] ?? PALETTE[0];
}
