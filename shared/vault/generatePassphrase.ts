import { randomBytes } from '../crypto/randomBytes.ts';
import { WORDLIST } from '../identity/wordlist.ts';

/** Words in a suggested passphrase: 6 × 11 bits = 66 bits, years per guess-machine at Argon2id. */
export const GENERATED_WORDS = 6;

/**
 * A passphrase of GENERATED_WORDS words drawn uniformly (CSPRNG, 11 bits each, no modulo bias:
 * 2048 divides 65536) from the BIP-39 English list (shared/identity/wordlist.ts, MIT, see
 * WORDLIST_LICENSE), separated by spaces. The same list in every language: the repository has
 * no licensed Russian or Ukrainian list of 2048 words yet.
 */
export function generatePassphrase(words: number = GENERATED_WORDS): string {
  const bytes = randomBytes(2 * words);
  const view = new DataView(bytes.buffer);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDLIST[view.getUint16(2 * i, false) % 2048] ?? '');
  bytes.fill(0);
  return out.join(' ');
}
