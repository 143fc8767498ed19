/** Plaintexts that pass the AEAD (a member holds the key) but are malformed, forged or non-canonical. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { concatBytes } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { verifyDetached } from '../../../shared/crypto/verifyDetached.ts';
import type { DecodedEnvelope } from '../../../shared/envelope/DecodedEnvelope.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import {
  ENVELOPE_REJECTIONS,
  type EnvelopeRejection,
} from '../../../shared/envelope/EnvelopeRejection.ts';
import { decodeEnvelope } from '../../../shared/envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { envelopeSignatureInput } from '../../../shared/envelope/envelopeSignatureInput.ts';
import { MAX_SEALED_ENVELOPE_BYTES } from '../../../shared/envelope/envelopeFormat.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import {
  decodedOf,
  fixture,
  openEnvelopeForTest,
  plaintextOf,
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
