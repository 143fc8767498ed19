import { beforeAll, describe, expect, it } from 'vitest';
import { aeadOpen } from '../../../shared/crypto/aeadOpen.ts';
import { aeadSeal } from '../../../shared/crypto/aeadSeal.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';

beforeAll(async () => {
  await sodiumReady();
});

const range = (start: number, n: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);

// draft-irtf-cfrg-xchacha-03, Appendix A.3.1 (AEAD_XChaCha20_Poly1305).
const KEY = range(0x80, 32);
const NONCE = range(0x40, 24);
const AD = Buffer.from('50515253c0c1c2c3c4c5c6c7', 'hex');
const PLAINTEXT = Buffer.from(
  "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
);
const CIPHERTEXT_AND_TAG =
  'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb' +
  '731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452' +
  '2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9' +
  '21f9664c97637da9768812f615c68b13b52e' +
  'c0875924c1c7987947deafd8780acf49';

describe('aeadSeal / aeadOpen', () => {
  it('reproduces the XChaCha20-Poly1305 draft vector as nonce || ciphertext || tag', () => {
    const sealed = aeadSeal(KEY, PLAINTEXT, AD, NONCE);
    expect(toHex(sealed)).toBe(toHex(NONCE) + CIPHERTEXT_AND_TAG);
    const opened = aeadOpen(KEY, sealed, AD);
    expect(opened && Buffer.from(opened).toString()).toBe(PLAINTEXT.toString());
  });

  it('draws a fresh nonce when none is given', () => {
    const a = aeadSeal(KEY, PLAINTEXT, AD);
    const b = aeadSeal(KEY, PLAINTEXT, AD);
    expect(toHex(a.subarray(0, 24))).not.toBe(toHex(b.subarray(0, 24)));
    expect(aeadOpen(KEY, a, AD)).toBeDefined();
  });

  it('returns undefined (never throws) for wrong key, wrong AD, tampering, truncation, bad sizes', () => {
    const sealed = aeadSeal(KEY, PLAINTEXT, AD, NONCE);
    const otherKey = KEY.slice();
    otherKey[31]! ^= 1;
    const flipped = sealed.slice();
    flipped[30]! ^= 1;
    expect(aeadOpen(otherKey, sealed, AD)).toBeUndefined();
    expect(aeadOpen(KEY, sealed, AD.subarray(1))).toBeUndefined();
    expect(aeadOpen(KEY, flipped, AD)).toBeUndefined();
    expect(aeadOpen(KEY, sealed.subarray(0, sealed.length - 1), AD)).toBeUndefined();
    expect(aeadOpen(KEY, sealed.subarray(0, 39), AD)).toBeUndefined();
    expect(aeadOpen(KEY, new Uint8Array(0), AD)).toBeUndefined();
    expect(aeadOpen(KEY.subarray(0, 16), sealed, AD)).toBeUndefined();
    // An empty plaintext still carries a tag and opens to zero bytes.
    expect(aeadOpen(KEY, aeadSeal(KEY, new Uint8Array(0), AD), AD)?.length).toBe(0);
  });

  it('refuses a wrong key or nonce size at seal time (programming errors)', () => {
    expect(() => aeadSeal(KEY.subarray(0, 31), PLAINTEXT, AD)).toThrow(RangeError);
    expect(() => aeadSeal(KEY, PLAINTEXT, AD, NONCE.subarray(0, 12))).toThrow(RangeError);
  });
});
