/** Damaged sealed bytes are refused, with the reason of the step that caught it. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { concatBytes } from '../../../shared/crypto/bytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { checkEnvelopeSize } from '../../../shared/envelope/checkEnvelopeSize.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { MAX_SEALED_ENVELOPE_BYTES } from '../../../shared/envelope/envelopeFormat.ts';
import { verifyEnvelopeSignature } from '../../../shared/envelope/verifyEnvelopeSignature.ts';
import {
  decodedOf,
  fixture,
  openEnvelopeForTest,
  reason,
  sealOrThrow,
  sealRawPlaintext,
} from './envelopeFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('byte flips', () => {
  it.each([0x01, 0x80, 0xff])('flipping any byte with ^%i is refused (every position)', (mask) => {
    const f = fixture();
    const sealed = sealOrThrow(f.input);
    expect(sealed.length).toBe(297);
    const seen = new Map<number, string>();
    for (let i = 0; i < sealed.length; i++) {
      const t = sealed.slice();
      t[i]! ^= mask;
      const r = openEnvelopeForTest(t, f.secrets.contentKey, f.cellId, f.epoch);
      const expected = i === 0 ? 'unsupported_version' : 'decrypt_failed';
      if (reason(r) !== expected) seen.set(i, reason(r));
    }
    expect(seen).toEqual(new Map());
  });

  it('a 64 KiB envelope: header and tag fully, ciphertext by stride', () => {
    const f = fixture();
    const sealed = sealOrThrow({ ...f.input, body: new Uint8Array(64 * 1024).fill(3) });
    const positions = new Set<number>();
    for (let i = 0; i < 64; i++) positions.add(i);
    for (let i = 64; i < sealed.length; i += 997) positions.add(i);
    for (let i = sealed.length - 32; i < sealed.length; i++) positions.add(i);
    const wrong: number[] = [];
    for (const i of positions) {
      const t = sealed.slice();
      t[i]! ^= 0x04;
      const r = decryptEnvelope(t, f.secrets.contentKey, f.cellId, f.epoch);
      if (reason(r) !== (i === 0 ? 'unsupported_version' : 'decrypt_failed')) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });
});

describe('wrong context', () => {
  it('another cell, epoch or key fails to decrypt', () => {
    const f = fixture();
    const sealed = sealOrThrow(f.input);
    const otherCell = f.cellId.slice();
    otherCell[15]! ^= 1;
    const otherKey = f.secrets.contentKey.slice();
    otherKey[0]! ^= 1;
    expect(reason(decryptEnvelope(sealed, f.secrets.contentKey, otherCell, f.epoch))).toBe(
      'decrypt_failed',
    );
    expect(reason(decryptEnvelope(sealed, f.secrets.contentKey, f.cellId, f.epoch + 1))).toBe(
      'decrypt_failed',
    );
    expect(reason(decryptEnvelope(sealed, otherKey, f.cellId, f.epoch))).toBe('decrypt_failed');
    expect(reason(decryptEnvelope(sealed, f.secrets.presenceKey, f.cellId, f.epoch))).toBe(
      'decrypt_failed',
    );
    expect(
      reason(decryptEnvelope(sealed, f.secrets.contentKey, f.cellId, f.epoch)).toString(),
    ).toBe('accepted');
  });

  it('nonsense context arguments are refused without throwing', () => {
    const f = fixture();
    const sealed = sealOrThrow(f.input);
    expect(reason(decryptEnvelope(sealed, new Uint8Array(16), f.cellId, f.epoch))).toBe(
      'decrypt_failed',
    );
    expect(reason(decryptEnvelope(sealed, f.secrets.contentKey, new Uint8Array(3), f.epoch))).toBe(
      'decrypt_failed',
    );
    expect(reason(decryptEnvelope(sealed, f.secrets.contentKey, f.cellId, -1))).toBe(
      'decrypt_failed',
    );
    const d = decodedOf(sealed);
    expect(reason(verifyEnvelopeSignature(d, f.cellId, 2 ** 32))).toBe('bad_signature');
    expect(reason(verifyEnvelopeSignature({ ...d, seq: -5 }, f.cellId, f.epoch))).toBe(
      'bad_signature',
    );
  });

  it('a signature made for another cell or epoch does not verify, even under a valid AEAD', () => {
    const f = fixture();
    const k = f.secrets.contentKey;
    const otherCell = f.cellId.slice();
    otherCell[0]! ^= 0x10;
    for (const [cellId, epoch] of [
      [otherCell, f.epoch],
      [f.cellId, f.epoch + 1],
    ] as const) {
      // Signed for (cellId, epoch) by a real author under the same content key...
      const foreign = sealOrThrow({ ...f.input, cellId, epoch });
      expect(reason(openEnvelopeForTest(foreign, k, cellId, epoch))).toBe('accepted');
      const p = decryptEnvelope(foreign, k, cellId, epoch);
      if (!p.ok) throw new Error(p.error);
      // ...then re-encrypted for the fixture's cell and epoch: the AEAD passes, the signature not.
      const rewrapped = sealRawPlaintext(p.value, k, f.cellId, f.epoch);
      expect(decryptEnvelope(rewrapped, k, f.cellId, f.epoch).ok).toBe(true);
      expect(reason(openEnvelopeForTest(rewrapped, k, f.cellId, f.epoch))).toBe('bad_signature');
    }
  });
});

describe('length', () => {
  it('truncated or extended bytes are refused before decryption', () => {
    const f = fixture();
    const sealed = sealOrThrow(f.input); // 297 bytes, padded 256
    const spy = vi.spyOn(sodium(), 'crypto_aead_xchacha20poly1305_ietf_decrypt');
    const cases = [
      new Uint8Array(0),
      sealed.subarray(0, 1),
      sealed.subarray(0, 25),
      sealed.subarray(0, 296),
      sealed.subarray(0, 281),
      concatBytes(sealed, new Uint8Array(1)),
      concatBytes(sealed, new Uint8Array(15)),
    ];
    for (const c of cases)
      expect(reason(decryptEnvelope(c, f.secrets.contentKey, f.cellId, f.epoch))).toBe(
        'bad_length',
      );
    expect(spy).not.toHaveBeenCalled();
  });

  it('truncated or extended to another valid Padmé size fails the AEAD', () => {
    const f = fixture();
    const short = sealOrThrow(f.input); // padded 256
    const long = sealOrThrow({ ...f.input, body: new Uint8Array(127) }); // padded 272
    expect(long.length).toBe(313);
    expect(
      reason(decryptEnvelope(long.subarray(0, 297), f.secrets.contentKey, f.cellId, f.epoch)),
    ).toBe('decrypt_failed');
    expect(
      reason(
        decryptEnvelope(
          concatBytes(short, new Uint8Array(16)),
          f.secrets.contentKey,
          f.cellId,
          f.epoch,
        ),
      ),
    ).toBe('decrypt_failed');
  });

  it('oversize bytes are refused before any decryption', () => {
    const f = fixture();
    const spy = vi.spyOn(sodium(), 'crypto_aead_xchacha20poly1305_ietf_decrypt');
    // Positive control: the spy does see a normal decryption.
    expect(decryptEnvelope(sealOrThrow(f.input), f.secrets.contentKey, f.cellId, f.epoch).ok).toBe(
      true,
    );
    expect(spy).toHaveBeenCalledTimes(1);
    const huge = new Uint8Array(MAX_SEALED_ENVELOPE_BYTES + 1);
    huge[0] = 1;
    expect(reason(checkEnvelopeSize(huge))).toBe('too_large');
    expect(reason(decryptEnvelope(huge, f.secrets.contentKey, f.cellId, f.epoch))).toBe(
      'too_large',
    );
    expect(reason(checkEnvelopeSize(huge.subarray(0, MAX_SEALED_ENVELOPE_BYTES)))).toBe('accepted');
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
