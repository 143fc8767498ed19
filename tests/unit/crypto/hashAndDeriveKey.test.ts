/**
 * hash/deriveKey: raw libsodium is first pinned to RFC 7693's BLAKE2b vectors, then the wrappers
 * are checked against raw BLAKE2b over the documented layout len(label) || label || parts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { deriveKey } from '../../../shared/crypto/deriveKey.ts';
import { hash } from '../../../shared/crypto/hash.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';

beforeAll(async () => {
  await sodiumReady();
});

/** hash(LABELS.fingerprint, [0x00..0x1f, 0x20..0x3f], 32), computed once with raw libsodium. */
const KAT_FINGERPRINT_LAYOUT = 'f4173932bafc58932daf2efd0f42b41f8dfd04a070890f1519e321cb15dbb7e2';

const range = (start: number, n: number): Uint8Array =>
  Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);
const layout = (label: string, ...parts: Uint8Array[]): Buffer =>
  Buffer.concat([Buffer.from([Buffer.byteLength(label)]), Buffer.from(label), ...parts]);

describe('BLAKE2b (raw libsodium)', () => {
  it('matches RFC 7693 Appendix A and the empty-input digest', () => {
    const s = sodium();
    expect(toHex(s.crypto_generichash(64, Buffer.from('abc'), null))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
        '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
    expect(toHex(s.crypto_generichash(64, new Uint8Array(0), null))).toBe(
      '786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419' +
        'd25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce',
    );
  });
});

describe('hash', () => {
  it('is BLAKE2b over len(label) || label || parts, unkeyed and keyed', () => {
    const s = sodium();
    const parts = [range(0, 5), range(100, 40)];
    for (const outLen of [16, 32, 64]) {
      expect(toHex(hash(LABELS.envelopeId, parts, outLen))).toBe(
        toHex(s.crypto_generichash(outLen, layout('quire/env-id/v1', ...parts), null)),
      );
      const key = range(7, 32);
      expect(toHex(hash(LABELS.fingerprint, parts, outLen, key))).toBe(
        toHex(s.crypto_generichash(outLen, layout('quire/fp/v1', ...parts), key)),
      );
    }
  });

  it('known answer', () => {
    expect(toHex(hash(LABELS.envelopeId, [range(0, 3)], 16))).toBe(
      toHex(sodium().crypto_generichash(16, layout('quire/env-id/v1', range(0, 3)), null)),
    );
    expect(toHex(hash(LABELS.fingerprint, [range(0, 32), range(32, 32)], 32))).toBe(
      KAT_FINGERPRINT_LAYOUT,
    );
  });

  it('separates domains: same parts under two labels, or label bytes moved into parts, differ', () => {
    const p = range(0, 16);
    expect(toHex(hash(LABELS.roomName, [p]))).not.toBe(toHex(hash(LABELS.transportSecret, [p])));
    // Without the length prefix, "quire/fp/v1" || "x" and "quire/fp/v1x" || "" would collide.
    const unprefixed = sodium().crypto_generichash(32, Buffer.from('quire/fp/v1'), null);
    expect(toHex(hash(LABELS.fingerprint, []))).not.toBe(toHex(unprefixed));
  });
});

describe('deriveKey', () => {
  it('is keyed BLAKE2b over the label layout, default 32 bytes', () => {
    const key = range(0, 32);
    const ctx = [range(0xa0, 16), Uint8Array.from([0, 0, 0, 7])];
    const k = deriveKey(key, LABELS.contentKey, ctx);
    expect(k.length).toBe(32);
    expect(toHex(k)).toBe(
      toHex(sodium().crypto_generichash(32, layout('quire/content/v1', ...ctx), key)),
    );
    expect(deriveKey(key, LABELS.roomName, ctx, 16).length).toBe(16);
  });

  it('gives independent keys per label, context and key', () => {
    const key = range(0, 32);
    const other = range(1, 32);
    const ctx = [range(0xa0, 16)];
    const outs = [
      deriveKey(key, LABELS.contentKey, ctx),
      deriveKey(key, LABELS.presenceKey, ctx),
      deriveKey(key, LABELS.contentKey, [range(0xa1, 16)]),
      deriveKey(other, LABELS.contentKey, ctx),
      deriveKey(key, LABELS.contentKey, []),
    ].map(toHex);
    expect(new Set(outs).size).toBe(outs.length);
  });

  it('refuses keys shorter than 16 or longer than 64 bytes', () => {
    expect(() => deriveKey(new Uint8Array(15), LABELS.contentKey)).toThrow(RangeError);
    expect(() => deriveKey(new Uint8Array(65), LABELS.contentKey)).toThrow(RangeError);
    expect(deriveKey(new Uint8Array(16), LABELS.contentKey).length).toBe(32);
    expect(deriveKey(new Uint8Array(64), LABELS.contentKey).length).toBe(32);
  });
});
