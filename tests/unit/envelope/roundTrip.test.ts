import { beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual } from '../../../shared/crypto/bytes.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { envelopeId } from '../../../shared/envelope/envelopeId.ts';
import {
  MAX_BODY_BYTES,
  MAX_SEALED_ENVELOPE_BYTES,
} from '../../../shared/envelope/envelopeFormat.ts';
import { padmeLength } from '../../../shared/envelope/padmeLength.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { sealedEnvelopeLength } from '../../../shared/envelope/sealedEnvelopeLength.ts';
import { fixture, openEnvelopeForTest } from './envelopeFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

const KiB = 1024;
const MiB = 1024 * KiB;

describe('sealEnvelope -> open', () => {
  it.each([0, 1, 127, 128, 255, 256, 4 * KiB, 64 * KiB, MiB])('body of %i bytes', (n) => {
    const f = fixture();
    const body = randomBytes(n);
    const { nonce: _fixed, ...input } = f.input;
    const r = sealEnvelope({ ...input, kind: ENVELOPE_KIND.snapshot, seq: 42, body });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Sealed = 41 + max(256, Padmé(129 + n + 1)), spelled out rather than via the helper.
    expect(r.value.bytes.length).toBe(41 + Math.max(256, padmeLength(129 + n + 1)));
    expect(r.value.bytes.length).toBe(sealedEnvelopeLength(n));
    expect(r.value.envId).toBe(envelopeId(r.value.bytes));
    expect(r.value.envId).toMatch(/^[0-9a-f]{32}$/);
    const opened = openEnvelopeForTest(r.value.bytes, f.secrets.contentKey, f.cellId, f.epoch);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.kind).toBe(ENVELOPE_KIND.snapshot);
    expect(opened.value.seq).toBe(42);
    expect(opened.value.time).toBe(f.input.time);
    expect(bytesEqual(opened.value.body, body)).toBe(true);
    expect(bytesEqual(opened.value.author, f.author.signPk)).toBe(true);
    expect(bytesEqual(opened.value.docId, f.input.docId)).toBe(true);
  });

  it('every kind round-trips', () => {
    const f = fixture();
    for (const kind of Object.values(ENVELOPE_KIND)) {
      const r = sealEnvelope({ ...f.input, kind });
      const o = r.ok && openEnvelopeForTest(r.value.bytes, f.secrets.contentKey, f.cellId, f.epoch);
      expect(o && o.ok && o.value.kind).toBe(kind);
    }
  });

  it('a body of MAX_BODY_BYTES fits the cap and one more byte is refused', () => {
    const f = fixture();
    const max = sealEnvelope({ ...f.input, body: new Uint8Array(MAX_BODY_BYTES) });
    expect(max.ok && max.value.bytes.length).toBeLessThanOrEqual(MAX_SEALED_ENVELOPE_BYTES);
    expect(
      max.ok && openEnvelopeForTest(max.value.bytes, f.secrets.contentKey, f.cellId, f.epoch).ok,
    ).toBe(true);
    const over = sealEnvelope({ ...f.input, body: new Uint8Array(MAX_BODY_BYTES + 1) });
    expect(over.ok ? 'sealed' : over.error).toBe('body_too_large');
  });

  it('identical bytes collapse to one envId; a fresh nonce gives a new one', () => {
    const f = fixture();
    const a = sealEnvelope(f.input);
    const b = sealEnvelope(f.input);
    const { nonce: _fixed, ...randomNonce } = f.input;
    const c = sealEnvelope(randomNonce);
    const d = sealEnvelope(randomNonce);
    expect(a.ok && b.ok && a.value.envId === b.value.envId).toBe(true);
    const ids = new Set([a, c, d].map((r) => (r.ok ? r.value.envId : 'failed')));
    expect(ids.size).toBe(3);
  });

  it('refuses bad arguments with a typed error instead of throwing', () => {
    const f = fixture();
    const cases = [
      { contentKey: new Uint8Array(31) },
      { cellId: new Uint8Array(15) },
      { epoch: -1 },
      { epoch: 2 ** 32 },
      { docId: new Uint8Array(17) },
      { seq: 0 },
      { seq: 2 ** 32 },
      { seq: 1.5 },
      { time: -1 },
      { time: 2 ** 53 },
      { nonce: new Uint8Array(23) },
      { kind: 5 as 1 },
      { author: { signPk: f.otherAuthor.signPk, signSk: f.author.signSk } },
      { author: { signPk: f.author.signPk, signSk: new Uint8Array(32) } },
    ];
    for (const c of cases) {
      const r = sealEnvelope({ ...f.input, ...c });
      expect(r.ok ? 'sealed' : r.error, JSON.stringify(Object.keys(c))).toBe('invalid_argument');
    }
  });
});
