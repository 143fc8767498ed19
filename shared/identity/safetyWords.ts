import { fingerprint } from './fingerprint.ts';
import { WORDLIST } from './wordlist.ts';

export const SAFETY_WORD_COUNT = 8;
/** 8 words x 11 bits: an impostor needs ~2^88 key generations to match someone's words. */
export const SAFETY_WORD_BITS = SAFETY_WORD_COUNT * 11;

/**
 * The words two members compare (in person or over another channel) before an admission: the
 * first 88 bits of the fingerprint, big-endian, 11 bits per word of the BIP-39 English list.
 */
export function safetyWords(signPk: Uint8Array, boxPk: Uint8Array): string[] {
  const fp = fingerprint(signPk, boxPk);
  const words: string[] = [];
  let acc = 0;
  let bits = 0;
  let i = 0;
  while (words.length < SAFETY_WORD_COUNT) {
    acc = ((acc << 8) | (fp[i++] ?? 0)) & 0xffffff; // at most 18 live bits, fits easily
    bits += 8;
    if (bits >= 11) {
      bits -= 11;
      const index = (acc >>> bits) & 0x7ff;
      const word = WORDLIST[index];
      if (word === undefined) throw new Error('word list is not 2048 words');
      words.push(word);
    }
  }
  return words;
}
