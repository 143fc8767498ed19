/** Every way of damaging an envelope is refused, with the reason of the step that caught it. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { concatBytes } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { verifyDetached } from '../../../shared/crypto/verifyDetached.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import {
  ENVELOPE_REJECTIONS,
  type EnvelopeRejection,
} from '../../../shared/envelope/EnvelopeRejection.ts';
import { checkEnvelopeSize } from '../../../shared/envelope/checkEnvelopeSize.ts';
import { decodeEnvelope } from '../../../shared/envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { encodeEnvelopeFields } from '../../../shared/envelope/encodeEnvelopeFields.ts';
import { envelopeSignatureInput } from '../../../shared/envelope/envelopeSignatureInput.ts';
import { MAX_SEALED_ENVELOPE_BYTES } from '../../../shared/envelope/envelopeFormat.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import { verifyEnvelopeSignature } from '../../../shared/envelope/verifyEnvelopeSignature.ts';
import type { DecodedEnvelope } from '../../../shared/envelope/DecodedEnvelope.ts';
import { fixture, openEnvelopeForTest, sealOrThrow, sealRawPlaintext } from './envelopeFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const reason = (r: { ok: boolean; error?: string }): string => (r.ok ? 'accepted' : r.error!);

/** A decrypted, decoded copy of a valid envelope for the fixture. */
function decodedOf(bytes: Uint8Array): DecodedEnvelope {
  const f = fixture();
  const p = decryptEnvelope(bytes, f.secrets.contentKey, f.cellId, f.epoch);
  const d = p.ok ? decodeEnvelope(p.value) : undefined;
  if (!d?.ok) throw new Error('fixture envelope does not open');
  return d.value;
}

/** Plaintext with the given fields and an explicit signature (valid or not). */
function plaintextOf(d: DecodedEnvelope): Uint8Array {
  const fields = encodeEnvelopeFields(d);
  if (!fields.ok) throw new Error(fields.detail);
  return concatBytes(fields.value, d.signature);
}

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

describe('after a valid AEAD', () => {
  it('altered kind, docId, author, seq, time or body under the original signature fail verification', () => {
    const f = fixture();
    const d = decodedOf(sealOrThrow({ ...f.input, body: Uint8Array.from([1, 2, 3, 4]) }));
    const docId = d.docId.slice();
    docId[3]! ^= 1;
    const alterations: Partial<DecodedEnvelope>[] = [
      { kind: ENVELOPE_KIND.snapshot },
      { docId },
      { author: f.otherAuthor.signPk },
      { seq: d.seq + 1 },
      { time: d.time + 1 },
      { body: Uint8Array.from([1, 2, 3, 5]) },
      { body: Uint8Array.from([1, 2, 3]) },
    ];
    for (const a of alterations) {
      const tampered = sealRawPlaintext(
        plaintextOf({ ...d, ...a }),
        f.secrets.contentKey,
        f.cellId,
        f.epoch,
      );
      const r = openEnvelopeForTest(tampered, f.secrets.contentKey, f.cellId, f.epoch);
      expect(reason(r), Object.keys(a).join()).toBe('bad_signature');
    }
    const sig = d.signature.slice();
    sig[10]! ^= 1;
    const badSig = sealRawPlaintext(
      plaintextOf({ ...d, signature: sig }),
      f.secrets.contentKey,
      f.cellId,
      f.epoch,
    );
    expect(reason(openEnvelopeForTest(badSig, f.secrets.contentKey, f.cellId, f.epoch))).toBe(
      'bad_signature',
    );
    // Control: the untouched plaintext re-wrapped the same way is accepted.
    const same = sealRawPlaintext(plaintextOf(d), f.secrets.contentKey, f.cellId, f.epoch);
    expect(reason(openEnvelopeForTest(same, f.secrets.contentKey, f.cellId, f.epoch))).toBe(
      'accepted',
    );
  });

  it('non-canonical or broken padding is refused', () => {
    const f = fixture();
    const pt = plaintextOf(decodedOf(sealOrThrow(f.input))); // 140 bytes, canonical padded size 256
    const k = f.secrets.contentKey;
    const trailingJunk = padPlaintext(pt, 256);
    trailingJunk[200] = 0x01;
    const noMarker = new Uint8Array(256);
    noMarker.set(pt);
    const overPadded = padPlaintext(pt, 272);
    const fullWithoutZero = padPlaintext(new Uint8Array(255).fill(0x80), 256);
    for (const padded of [trailingJunk, noMarker, overPadded])
      expect(
        reason(
          decryptEnvelope(sealRawPlaintext(pt, k, f.cellId, f.epoch, padded), k, f.cellId, f.epoch),
        ),
      ).toBe('bad_padding');
    // A 255-byte message padded to exactly 256 is canonical: accepted by the padding step.
    expect(
      decryptEnvelope(
        sealRawPlaintext(pt, k, f.cellId, f.epoch, fullWithoutZero),
        k,
        f.cellId,
        f.epoch,
      ).ok,
    ).toBe(true);
  });

  it('malformed plaintexts are refused by decode', () => {
    const f = fixture();
    const d = decodedOf(sealOrThrow(f.input));
    const pt = plaintextOf(d);
    const withByte = (at: number, v: number): Uint8Array => {
      const x = pt.slice();
      x[at] = v;
      return x;
    };
    const hugeTime = pt.slice();
    hugeTime.fill(0xff, 53, 61);
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(0), 'malformed'],
      [pt.subarray(0, 128), 'malformed'],
      [concatBytes(pt, new Uint8Array(1)), 'malformed'], // body length no longer accounts for every byte
      [withByte(64, pt[64]! + 1), 'malformed'], // bodyLength off by one
      [withByte(61, 0x80), 'malformed'], // bodyLength beyond the cap
      [hugeTime, 'malformed'],
      [withByte(0, 0), 'unknown_kind'],
      [withByte(0, 5), 'unknown_kind'],
      [withByte(0, 0xff), 'unknown_kind'],
    ];
    for (const [plaintext, expected] of cases)
      expect(reason(decodeEnvelope(plaintext))).toBe(expected);
    // seq 0 is malformed even when properly signed.
    const zero = pt.slice(0, pt.length - 64);
    zero.fill(0, 49, 53);
    const message = envelopeSignatureInput(f.cellId, f.epoch, zero);
    const sig = signDetached(f.author.signSk, LABELS.envelopeSig, message);
    expect(verifyDetached(f.author.signPk, LABELS.envelopeSig, message, sig)).toBe(true);
    expect(reason(decodeEnvelope(concatBytes(zero, sig)))).toBe('malformed');
  });
});

describe('coverage', () => {
  it('every EnvelopeRejection is reachable through the pipeline', () => {
    const f = fixture();
    const k = f.secrets.contentKey;
    const sealed = sealOrThrow(f.input);
    const pt = plaintextOf(decodedOf(sealed));
    const badVersion = sealed.slice();
    badVersion[0] = 2;
    const flipped = sealed.slice();
    flipped[100]! ^= 1;
    const kind9 = pt.slice();
    kind9[0] = 9;
    const badSig = pt.slice();
    badSig[pt.length - 1]! ^= 1;
    const huge = new Uint8Array(MAX_SEALED_ENVELOPE_BYTES + 1);
    const cases: [Uint8Array, EnvelopeRejection][] = [
      [huge, 'too_large'],
      [sealed.subarray(0, 100), 'bad_length'],
      [badVersion, 'unsupported_version'],
      [flipped, 'decrypt_failed'],
      [sealRawPlaintext(pt, k, f.cellId, f.epoch, padPlaintext(pt, 272)), 'bad_padding'],
      [sealRawPlaintext(pt.subarray(0, 100), k, f.cellId, f.epoch), 'malformed'],
      [sealRawPlaintext(kind9, k, f.cellId, f.epoch), 'unknown_kind'],
      [sealRawPlaintext(badSig, k, f.cellId, f.epoch), 'bad_signature'],
    ];
    const seen = new Set<string>();
    for (const [bytes, expected] of cases) {
      const got = reason(openEnvelopeForTest(bytes, k, f.cellId, f.epoch));
      expect(got).toBe(expected);
      seen.add(got);
    }
    expect([...seen].sort()).toEqual([...ENVELOPE_REJECTIONS].sort());
  });
});
