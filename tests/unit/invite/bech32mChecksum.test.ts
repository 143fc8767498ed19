/** The checksum against the published BIP-350 test vectors (valid bech32m, and bech32 strings that must fail). */
import { describe, expect, it } from 'vitest';
import {
  BECH32_ALPHABET,
  bech32mChecksum,
  bech32mVerify,
} from '../../../shared/invite/bech32mChecksum.ts';
import { convertBits } from '../../../shared/invite/convertBits.ts';

function split(s: string): { hrp: string; data: number[] } {
  const lower = s.toLowerCase();
  const i = lower.lastIndexOf('1');
  return {
    hrp: lower.slice(0, i),
    data: [...lower.slice(i + 1)].map((c) => BECH32_ALPHABET.indexOf(c)),
  };
}

const VALID_BECH32M = [
  'A1LQFN3A',
  'a1lqfn3a',
  'an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6',
  'abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx',
  'split1checkupstagehandshakeupstreamerranterredcaperredlc445v',
  '?1v759aa',
];
// Valid BIP-173 bech32 (constant 1): bech32m must refuse them.
const VALID_BECH32_ONLY = ['A12UEL5L', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw'];

describe('bech32mChecksum', () => {
  it.each(VALID_BECH32M)('accepts BIP-350 vector %s and recomputes its checksum', (v) => {
    const { hrp, data } = split(v);
    expect(bech32mVerify(hrp, data)).toBe(true);
    expect(bech32mChecksum(hrp, data.slice(0, -6))).toEqual(data.slice(-6));
  });

  it.each(VALID_BECH32_ONLY)('refuses the bech32 (not m) string %s', (v) => {
    const { hrp, data } = split(v);
    expect(bech32mVerify(hrp, data)).toBe(false);
  });

  it('detects every single substitution and adjacent swap of a vector', () => {
    const { hrp, data } = split(VALID_BECH32M[3]!);
    for (let i = 0; i < data.length; i++) {
      for (let v = 0; v < 32; v++) {
        if (v === data[i]) continue;
        const bad = [...data];
        bad[i] = v;
        expect(bech32mVerify(hrp, bad)).toBe(false);
      }
      if (i + 1 < data.length && data[i] !== data[i + 1]) {
        const swapped = [...data];
        [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
        expect(bech32mVerify(hrp, swapped)).toBe(false);
      }
    }
  });
});

describe('convertBits', () => {
  it('round-trips bytes and refuses non-zero or excess padding', () => {
    const bytes = [0, 1, 255, 128]; // 32 bits: 7 symbols, the last with 3 padding bits
    const five = convertBits(bytes, 8, 5, true)!;
    expect(five).toHaveLength(7);
    expect(convertBits(five, 5, 8, false)).toEqual(bytes);
    expect(convertBits([...five.slice(0, -1), five.at(-1)! ^ 1], 5, 8, false)).toBeUndefined();
    expect(convertBits([...five, 0, 0], 5, 8, false)).toBeUndefined(); // 5 leftover bits
    expect(convertBits([32], 5, 8, true)).toBeUndefined();
  });
});
