import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, toHex, utf8 } from '../../../shared/crypto/bytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { fingerprint } from '../../../shared/identity/fingerprint.ts';
import { SAFETY_WORD_BITS, safetyWords } from '../../../shared/identity/safetyWords.ts';
import { WORDLIST } from '../../../shared/identity/wordlist.ts';

beforeAll(async () => {
  await sodiumReady();
});

/** Fixed keys from fixed seeds: Ed25519 seed 0x01 x 32, X25519 seed 0x02 x 32. */
function fixedKeys() {
  const s = sodium();
  const sign = s.crypto_sign_seed_keypair(new Uint8Array(32).fill(1));
  const box = s.crypto_box_seed_keypair(new Uint8Array(32).fill(2));
  return { signPk: sign.publicKey, boxPk: box.publicKey };
}

describe('word list', () => {
  it('is the pinned BIP-39 English list: 2048 unique words, known SHA-256', () => {
    expect(WORDLIST).toHaveLength(2048);
    expect(new Set(WORDLIST).size).toBe(2048);
    expect(WORDLIST[0]).toBe('abandon');
    expect(WORDLIST[2047]).toBe('zoo');
    const digest = createHash('sha256')
      .update(`${WORDLIST.join('\n')}\n`)
      .digest('hex');
    // SHA-256 of bitcoin/bips bip-0039/english.txt
    expect(digest).toBe('2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda');
    expect(Object.isFrozen(WORDLIST)).toBe(true);
  });
});

describe('safety words', () => {
  it('known vector: fixed keys give fixed words', () => {
    const { signPk, boxPk } = fixedKeys();
    expect(toHex(fingerprint(signPk, boxPk))).toBe(
      'e08da01823f315863800175109d714144eb968773e82ffea31a0ad4e9edce8d9',
    );
    expect(safetyWords(signPk, boxPk)).toEqual([
      'they',
      'home',
      'alcohol',
      'elevator',
      'course',
      'seek',
      'theme',
      'actual',
    ]);
  });

  it('matches an independent derivation (raw BLAKE2b, BigInt bit slicing)', () => {
    const { signPk, boxPk } = fixedKeys();
    const label = utf8('quire/fp/v1');
    const fp = sodium().crypto_generichash(
      32,
      concatBytes(new Uint8Array([label.length]), label, signPk, boxPk),
      null,
    );
    const n = BigInt(`0x${toHex(fp.subarray(0, 11))}`);
    const expected = Array.from({ length: 8 }, (_, i) => {
      const index = Number((n >> BigInt(88 - 11 * (i + 1))) & 0x7ffn);
      return WORDLIST[index];
    });
    expect(safetyWords(signPk, boxPk)).toEqual(expected);
    expect(SAFETY_WORD_BITS).toBeGreaterThanOrEqual(80);
  });

  it('different keys give different words; swapping or changing either key changes them', () => {
    const s = sodium();
    const seen = new Set<string>();
    const known = new Set(WORDLIST);
    for (let i = 0; i < 200; i++) {
      const words = safetyWords(
        s.crypto_sign_keypair().publicKey,
        s.crypto_box_keypair().publicKey,
      );
      expect(words).toHaveLength(8);
      for (const w of words) expect(known.has(w)).toBe(true);
      seen.add(words.join(' '));
    }
    expect(seen.size).toBe(200);
    const { signPk, boxPk } = fixedKeys();
    const base = safetyWords(signPk, boxPk).join(' ');
    const otherBox = s.crypto_box_seed_keypair(new Uint8Array(32).fill(3)).publicKey;
    expect(safetyWords(signPk, otherBox).join(' ')).not.toBe(base);
    expect(safetyWords(boxPk, signPk).join(' ')).not.toBe(base);
  });

  it('refuses keys of the wrong size', () => {
    expect(() => fingerprint(new Uint8Array(31), new Uint8Array(32))).toThrow(RangeError);
  });
});
