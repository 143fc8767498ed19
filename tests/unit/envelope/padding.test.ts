import { describe, expect, it } from 'vitest';
import {
  ENVELOPE_FIXED_PLAINTEXT_BYTES,
  MAX_BODY_BYTES,
  MAX_SEALED_ENVELOPE_BYTES,
} from '../../../shared/envelope/envelopeFormat.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import { paddedEnvelopeLength } from '../../../shared/envelope/paddedEnvelopeLength.ts';
import { padmeLength } from '../../../shared/envelope/padmeLength.ts';
import { sealedEnvelopeLength } from '../../../shared/envelope/sealedEnvelopeLength.ts';
import { unpadPlaintext } from '../../../shared/envelope/unpadPlaintext.ts';

/** Algorithm 1 of the PURBs paper, transcribed literally (floats + bit mask). */
function padmeReference(L: number): number {
  const E = Math.floor(Math.log2(L));
  const S = Math.floor(Math.log2(E)) + 1;
  const lastBits = E - S;
  const bitMask = 2 ** lastBits - 1;
  return (L + bitMask) & ~bitMask;
}

describe('padmeLength', () => {
  it('agrees with the paper for every length up to 70,000 and a sweep up to 2^30', () => {
    // The reference's 32-bit mask only holds below 2^30; the envelope cap is 2^23.
    const mismatches: number[] = [];
    for (let L = 2; L <= 70_000; L++) if (padmeLength(L) !== padmeReference(L)) mismatches.push(L);
    for (let L = 70_000; L < 2 ** 30; L = Math.floor(L * 1.01) + 7)
      if (padmeLength(L) !== padmeReference(L)) mismatches.push(L);
    expect(mismatches).toEqual([]);
  });

  it('gives hand-computed values', () => {
    expect(padmeLength(0)).toBe(0);
    expect(padmeLength(1)).toBe(1);
    expect(padmeLength(9)).toBe(10); // E=3, S=2, step 2
    expect(padmeLength(256)).toBe(256);
    expect(padmeLength(257)).toBe(272); // E=8, S=4, step 16
    expect(padmeLength(1000)).toBe(1024); // E=9, S=4, step 32
    expect(padmeLength(65_537)).toBe(67_584); // E=16, S=5, step 2048
    expect(padmeLength(2 ** 23)).toBe(2 ** 23);
    expect(padmeLength(2 ** 23 - 131_072 + 1)).toBe(2 ** 23); // E=22, S=5, step 2^17
  });

  it('is idempotent, monotonic, and costs at most 12 % (6.25 % from 256 bytes on)', () => {
    let prev = 0;
    let worstSmall = 0;
    let worstLarge = 0;
    const broken: number[] = [];
    for (let L = 2; L <= 200_000; L++) {
      const p = padmeLength(L);
      if (p < L || p < prev || padmeLength(p) !== p) broken.push(L);
      if (L < 256) worstSmall = Math.max(worstSmall, (p - L) / L);
      else worstLarge = Math.max(worstLarge, (p - L) / L);
      prev = p;
    }
    expect(broken).toEqual([]);
    expect(worstSmall).toBe(15 / 129); // L = 129 -> 144 (E = 7, step 16): the worst case overall
    expect(worstLarge).toBeLessThanOrEqual(0.0625);
  });

  it('refuses lengths it cannot represent', () => {
    expect(() => padmeLength(-1)).toThrow(RangeError);
    expect(() => padmeLength(1.5)).toThrow(RangeError);
    expect(() => padmeLength(2 ** 32)).toThrow(RangeError);
  });
});

describe('envelope padded and sealed lengths', () => {
  it('pads to at least 256 and otherwise to Padmé(length + 1)', () => {
    expect(paddedEnvelopeLength(0)).toBe(256);
    expect(paddedEnvelopeLength(255)).toBe(256);
    expect(paddedEnvelopeLength(256)).toBe(272);
    for (let n = 256; n < 20_000; n += 37)
      expect(paddedEnvelopeLength(n)).toBe(padmeReference(n + 1));
  });

  it('MAX_BODY_BYTES is the largest body whose envelope fits the 8 MiB cap', () => {
    expect(MAX_SEALED_ENVELOPE_BYTES).toBe(8 * 1024 * 1024);
    expect(sealedEnvelopeLength(MAX_BODY_BYTES)).toBeLessThanOrEqual(MAX_SEALED_ENVELOPE_BYTES);
    expect(sealedEnvelopeLength(MAX_BODY_BYTES + 1)).toBeGreaterThan(MAX_SEALED_ENVELOPE_BYTES);
    expect(sealedEnvelopeLength(0)).toBe(41 + 256);
    expect(sealedEnvelopeLength(1000)).toBe(
      41 + padmeReference(ENVELOPE_FIXED_PLAINTEXT_BYTES + 1001),
    );
  });
});

describe('ISO/IEC 7816-4 padding', () => {
  it('round-trips messages that end in 0x80 or zeros, and the empty message', () => {
    for (const m of [[], [0x80], [0x00], [1, 2, 0x80, 0], [0x80, 0x80, 0x00, 0x00]]) {
      const msg = Uint8Array.from(m);
      for (const size of [msg.length + 1, msg.length + 9, 256]) {
        const padded = padPlaintext(msg, size);
        expect(padded.length).toBe(size);
        const r = unpadPlaintext(padded);
        expect(r.ok && Array.from(r.value)).toEqual(m);
      }
    }
  });

  it('rejects a missing marker, a non-zero byte after it, and empty input', () => {
    expect(unpadPlaintext(new Uint8Array(0)).ok).toBe(false);
    expect(unpadPlaintext(new Uint8Array(256)).ok).toBe(false);
    expect(unpadPlaintext(Uint8Array.from([1, 2, 3])).ok).toBe(false);
    expect(unpadPlaintext(Uint8Array.from([1, 0x80, 0, 0, 1])).ok).toBe(false);
    expect(unpadPlaintext(Uint8Array.from([1, 0x80, 0x01, 0])).ok).toBe(false);
    expect(unpadPlaintext(Uint8Array.from([1, 0x81, 0, 0])).ok).toBe(false);
    expect(unpadPlaintext(Uint8Array.from([1, 0x80, 0, 0])).ok).toBe(true);
  });

  it('refuses to pad into a buffer without room for the marker', () => {
    expect(() => padPlaintext(new Uint8Array(4), 4)).toThrow(RangeError);
  });
});
