/**
 * Ed25519 with context: raw libsodium is pinned to RFC 8032 §7.1, then signDetached is checked to
 * be plain Ed25519 over len(label) || label || message.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, labelBytes, toHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { verifyDetached } from '../../../shared/crypto/verifyDetached.ts';

beforeAll(async () => {
  await sodiumReady();
});

const h = (s: string): Uint8Array => Buffer.from(s, 'hex');

const RFC8032 = [
  {
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    pk: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    msg: '',
    sig:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155' +
      '5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    pk: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    msg: '72',
    sig:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da' +
      '085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

describe('Ed25519 (raw libsodium)', () => {
  it.each(RFC8032)('RFC 8032 test vector, message "$msg"', (v) => {
    const kp = sodium().crypto_sign_seed_keypair(h(v.seed));
    expect(toHex(kp.publicKey)).toBe(v.pk);
    expect(toHex(sodium().crypto_sign_detached(h(v.msg), kp.privateKey))).toBe(v.sig);
  });
});

describe('signDetached / verifyDetached', () => {
  const kp = () => sodium().crypto_sign_seed_keypair(h(RFC8032[0]!.seed));
  const msg = Buffer.from('roster op bytes');

  it('is Ed25519 over len(label) || label || message (deterministic known answer)', () => {
    const { privateKey, publicKey } = kp();
    const sig = signDetached(privateKey, LABELS.rosterOpSig, msg);
    const raw = Buffer.concat([Buffer.from([19]), Buffer.from('quire/roster-sig/v1'), msg]);
    expect(toHex(sig)).toBe(toHex(sodium().crypto_sign_detached(raw, privateKey)));
    expect(sodium().crypto_sign_verify_detached(sig, raw, publicKey)).toBe(true);
    expect(verifyDetached(publicKey, LABELS.rosterOpSig, msg, sig)).toBe(true);
  });

  it('a signature for one label never verifies under another, nor as a bare Ed25519 signature', () => {
    const { privateKey, publicKey } = kp();
    const sig = signDetached(privateKey, LABELS.envelopeSig, msg);
    expect(verifyDetached(publicKey, LABELS.presenceSig, msg, sig)).toBe(false);
    expect(sodium().crypto_sign_verify_detached(sig, msg, publicKey)).toBe(false);
    // Moving bytes between label and message does not help either (length prefix).
    const shifted = concatBytes(labelBytes(LABELS.envelopeSig), msg);
    expect(verifyDetached(publicKey, LABELS.envelopeSig, shifted.subarray(1), sig)).toBe(false);
  });

  it('returns false (never throws) for tampering and malformed keys or signatures', () => {
    const { privateKey, publicKey } = kp();
    const sig = signDetached(privateKey, LABELS.envelopeSig, msg);
    const badSig = sig.slice();
    badSig[0]! ^= 1;
    const other = sodium().crypto_sign_seed_keypair(new Uint8Array(32).fill(1)).publicKey;
    expect(verifyDetached(publicKey, LABELS.envelopeSig, msg, badSig)).toBe(false);
    expect(verifyDetached(other, LABELS.envelopeSig, msg, sig)).toBe(false);
    expect(verifyDetached(publicKey, LABELS.envelopeSig, Buffer.from('roster op byteS'), sig)).toBe(
      false,
    );
    expect(verifyDetached(publicKey.subarray(0, 31), LABELS.envelopeSig, msg, sig)).toBe(false);
    expect(verifyDetached(publicKey, LABELS.envelopeSig, msg, sig.subarray(0, 63))).toBe(false);
    expect(verifyDetached(new Uint8Array(32), LABELS.envelopeSig, msg, sig)).toBe(false);
    expect(() => signDetached(privateKey.subarray(0, 32), LABELS.envelopeSig, msg)).toThrow(
      RangeError,
    );
  });
});
