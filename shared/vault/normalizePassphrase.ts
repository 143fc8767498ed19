import { utf8 } from '../crypto/bytes.ts';
import { err, ok, type Result } from '../util/result.ts';

/** Bounds what we hand to a worker and to Argon2id; far above any passphrase a person types. */
export const MAX_PASSPHRASE_BYTES = 1024;

export type PassphraseError = 'passphrase_empty' | 'passphrase_too_long' | 'passphrase_invalid';

/**
 * NFKC-normalised UTF-8, so the same passphrase typed on another keyboard or OS (composed vs
 * decomposed accents, full-width digits) derives the same key. Not trimmed: spaces are part of
 * the secret. Lone surrogates are refused because UTF-8 encoding would silently replace them.
 * The caller owns the returned bytes and should zero them after use.
 */
export function normalizePassphrase(passphrase: string): Result<Uint8Array, PassphraseError> {
  if (passphrase.length === 0) return err('passphrase_empty');
  if (passphrase.length > MAX_PASSPHRASE_BYTES) return err('passphrase_too_long');
  if (/\p{Cs}/u.test(passphrase)) return err('passphrase_invalid');
  const bytes = utf8(passphrase.normalize('NFKC'));
  if (bytes.length > MAX_PASSPHRASE_BYTES) {
    bytes.fill(0);
    return err('passphrase_too_long');
  }
  return ok(bytes);
}
