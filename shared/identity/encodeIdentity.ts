import { concatBytes, utf8 } from '../crypto/bytes.ts';
import type { Identity } from './createIdentity.ts';
import { PALETTE } from './palette.ts';

/**
 * Binary form of an identity for the sealed keyring (never stored or sent in clear):
 * format u8 (1) || signPk (32) || signSk (64) || boxPk (32) || boxSk (32) || colour index u8 ||
 * pseudonym length u8 || pseudonym (UTF-8, at most 48 code points so at most 192 bytes).
 */
export const IDENTITY_FORMAT = 1;
export const IDENTITY_FIXED_BYTES = 1 + 32 + 64 + 32 + 32 + 1 + 1;

export function encodeIdentity(id: Identity): Uint8Array {
  const name = utf8(id.pseudonym);
  if (name.length > 255) throw new RangeError('pseudonym too long to encode');
  const colour = PALETTE.indexOf(id.colour);
  if (colour < 0) throw new RangeError('colour not in palette');
  return concatBytes(
    new Uint8Array([IDENTITY_FORMAT]),
    id.signPk,
    id.signSk,
    id.boxPk,
    id.boxSk,
    new Uint8Array([colour, name.length]),
    name,
  );
}
