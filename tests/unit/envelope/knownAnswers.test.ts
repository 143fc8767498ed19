/**
 * Known answers for protocol v1. Each value is checked twice: against the implementation, and
 * against an independent re-derivation written here from the byte layout in docs/PROTOCOL.md with
 * raw libsodium calls and literal labels. A change to either the code or the documented layout
 * fails this file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { deriveRoomName } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { EnvelopeKind } from '../../../shared/envelope/EnvelopeKind.ts';
import { envelopeId } from '../../../shared/envelope/envelopeId.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { openPresence } from '../../../shared/envelope/openPresence.ts';
import { sealPresence } from '../../../shared/envelope/sealPresence.ts';
import { signedDigest } from '../../../shared/sync/signedDigest.ts';
import { decodeUpdateBody } from '../../../shared/sync/updateBody.ts';
import { fixture, hex, openEnvelopeForTest, vectors } from './envelopeFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

// Independent helpers: Buffer and DataView only, nothing from shared/.
const b = (...parts: (Uint8Array | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => Buffer.from(p)));
const label = (s: string): Buffer => b([Buffer.byteLength(s)], Buffer.from(s, 'utf8'));
const u16 = (n: number): Buffer => {
  const x = Buffer.alloc(2);
  x.writeUInt16BE(n);
  return x;
};
const u32 = (n: number): Buffer => {
  const x = Buffer.alloc(4);
  x.writeUInt32BE(n);
  return x;
};
const u64 = (n: number): Buffer => {
  const x = Buffer.alloc(8);
  x.writeBigUInt64BE(BigInt(n));
  return x;
};
const kdf = (key: Uint8Array, l: string, parts: Uint8Array[], outLen: number): Uint8Array =>
  sodium().crypto_generichash(outLen, b(label(l), ...parts), key);
const iso7816 = (m: Uint8Array, size: number): Buffer => {
  const out = Buffer.alloc(size);
  out.set(m);
  out[m.length] = 0x80;
  return out;
};

/** Padded sizes worked out by hand from Padmé (E = floor(log2 L), step 2^(E - floor(log2 E) - 1)). */
const EXPECTED_PADDED: Record<string, number> = {
  'update-hello': 256, // 129 + 11 + 1 = 141 -> minimum 256
  'snapshot-empty': 256, // 130 -> 256
  'roster-200': 336, // 330: E = 8, step 16 -> 336
  'rollover-127': 272, // 257: E = 8, step 16 -> 272
  'update-chain-1': 256, // body 1 + 4 + 16 + 10 = 31: 160 + 1 -> 256
  'update-chain-2': 256,
};

describe('key schedule vectors', () => {
  it('matches the implementation', () => {
    const f = fixture();
    const ks = vectors.keySchedule;
    expect(toHex(f.secrets.transportRoot)).toBe(ks.transportRoot);
    expect(f.secrets.transportSecret).toBe(ks.transportSecret);
    expect(toHex(f.secrets.contentKey)).toBe(ks.contentKey);
    expect(toHex(f.secrets.presenceKey)).toBe(ks.presenceKey);
    for (const r of ks.roomNames)
      expect(deriveRoomName(f.secrets.transportRoot, f.cellId, f.epoch, r.generation)).toBe(
        r.roomName,
      );
  });

  it('matches keyed BLAKE2b over the documented layout', () => {
    const k = hex(vectors.inputs.epochKey);
    const cell = hex(vectors.inputs.cellId);
    const e = u32(vectors.inputs.epoch);
    const ks = vectors.keySchedule;
    const root = kdf(k, 'quire/transport-root/v1', [cell, e], 32);
    expect(toHex(root)).toBe(ks.transportRoot);
    expect(toHex(kdf(root, 'quire/transport/v1', [cell, e], 32))).toBe(ks.transportSecret);
    expect(toHex(kdf(k, 'quire/content/v1', [cell, e], 32))).toBe(ks.contentKey);
    expect(toHex(kdf(k, 'quire/presence/v1', [cell, e], 32))).toBe(ks.presenceKey);
    for (const r of ks.roomNames)
      expect(toHex(kdf(root, 'quire/room/v1', [cell, e, u32(r.generation)], 16))).toBe(r.roomName);
    expect(new Set(ks.roomNames.map((r) => r.roomName)).size).toBe(ks.roomNames.length);
  });

  it('derives the author key from the seed', () => {
    const kp = sodium().crypto_sign_seed_keypair(hex(vectors.inputs.authorSeed));
    expect(toHex(kp.publicKey)).toBe(vectors.authorSignPk);
  });
});

describe('envelope vectors', () => {
  it.each(vectors.envelopes)('$name: sealEnvelope reproduces the bytes and envId', (v) => {
    const f = fixture();
    const r = sealEnvelope({
      ...f.input,
      kind: v.kind as EnvelopeKind,
      seq: v.seq,
      time: v.time,
      body: hex(v.body),
    });
    expect(r.ok && toHex(r.value.bytes)).toBe(v.sealed);
    expect(r.ok && r.value.envId).toBe(v.envId);
    expect(envelopeId(hex(v.sealed))).toBe(v.envId);
  });

  it.each(vectors.envelopes)('$name: independent construction from the spec', (v) => {
    const f = fixture();
    const s = sodium();
    const cell = hex(vectors.inputs.cellId);
    const epoch = u32(vectors.inputs.epoch);
    const nonce = hex(vectors.inputs.nonce);
    const body = hex(v.body);
    const fields = b(
      [v.kind],
      hex(vectors.inputs.docId),
      hex(vectors.authorSignPk),
      u32(v.seq),
      u64(v.time),
      u32(body.length),
      body,
    );
    const sig = s.crypto_sign_detached(
      b(label('quire/env-sig/v1'), cell, epoch, fields),
      f.author.signSk,
    );
    const padded = iso7816(b(fields, sig), EXPECTED_PADDED[v.name]!);
    const ad = b(label('quire/env/v1'), [1], cell, epoch);
    const ct = s.crypto_aead_xchacha20poly1305_ietf_encrypt(
      padded,
      ad,
      null,
      nonce,
      f.secrets.contentKey,
    );
    const sealed = b([1], nonce, ct);
    expect(toHex(sealed)).toBe(v.sealed);
    expect(sealed.length).toBe(41 + EXPECTED_PADDED[v.name]!);
    expect(toHex(s.crypto_generichash(16, b(label('quire/env-id/v1'), sealed), null))).toBe(
      v.envId,
    );
    expect(v.envId).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each(vectors.envelopes)('$name: opens to the original fields', (v) => {
    const f = fixture();
    const r = openEnvelopeForTest(hex(v.sealed), f.secrets.contentKey, f.cellId, f.epoch);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe(v.kind);
    expect(r.value.seq).toBe(v.seq);
    expect(r.value.time).toBe(v.time);
    expect(toHex(r.value.body)).toBe(v.body);
    expect(toHex(r.value.author)).toBe(vectors.authorSignPk);
    expect(toHex(r.value.docId)).toBe(vectors.inputs.docId);
  });
});

describe('update hash chain vectors (PROTOCOL §4.5, §7)', () => {
  const chain = vectors.envelopes.filter((v) => v.name.startsWith('update-chain-'));
  const fieldsOf = (v: (typeof chain)[number]) => {
    const body = hex(v.body);
    return b(
      [v.kind],
      hex(vectors.inputs.docId),
      hex(vectors.authorSignPk),
      u32(v.seq),
      u64(v.time),
      u32(body.length),
      body,
    );
  };
  const digest = (v: (typeof chain)[number]) =>
    toHex(
      sodium().crypto_generichash(16, b(label('quire/signed-fields/v1'), [1], fieldsOf(v)), null),
    );

  it('bodies are u8(2) ‖ u32be(session) ‖ prev (16) ‖ update, linked by signed digests', () => {
    expect(chain).toHaveLength(2);
    expect(chain.map(digest)).toEqual(vectors.chainDigests);
    const [one, two] = chain.map((v) => hex(v.body));
    expect(toHex(one!.subarray(0, 21))).toBe('02' + '00000003' + '00'.repeat(16));
    expect(toHex(two!.subarray(0, 5))).toBe('02' + '00000003');
    expect(toHex(two!.subarray(5, 21))).toBe(vectors.chainDigests[0]);
  });

  it('matches the implementation', () => {
    const [one, two] = chain;
    const decodedOne = decodeUpdateBody(hex(one!.body));
    const decodedTwo = decodeUpdateBody(hex(two!.body));
    expect(decodedOne.ok && decodedOne.value.session).toBe(3);
    expect(decodedTwo.ok && toHex(decodedTwo.value.prev)).toBe(vectors.chainDigests[0]);
    const fields = (v: typeof one) => ({
      kind: v!.kind as EnvelopeKind,
      docId: hex(vectors.inputs.docId),
      author: hex(vectors.authorSignPk),
      seq: v!.seq,
      time: v!.time,
      body: hex(v!.body),
    });
    expect([signedDigest(fields(one)), signedDigest(fields(two))]).toEqual(vectors.chainDigests);
  });
});

describe('presence vectors (version 2)', () => {
  it.each(vectors.presence)('seq $seq: sealPresence reproduces the blob', (v) => {
    const f = fixture();
    const r = sealPresence({
      presenceKey: f.secrets.presenceKey,
      cellId: f.cellId,
      epoch: f.epoch,
      author: f.author,
      clientId: v.clientId,
      time: v.time,
      seq: v.seq,
      state: hex(v.state),
      nonce: hex(vectors.inputs.nonce),
    });
    expect(r.ok && toHex(r.value)).toBe(v.sealed);
  });

  it.each(vectors.presence)('seq $seq: independent construction from the spec', (v) => {
    const f = fixture();
    const s = sodium();
    const cell = hex(vectors.inputs.cellId);
    const epoch = u32(vectors.inputs.epoch);
    const nonce = hex(vectors.inputs.nonce);
    const state = hex(v.state);
    const fields = b(
      hex(vectors.authorSignPk),
      u64(v.clientId),
      u64(v.time),
      u64(v.seq),
      u16(state.length),
      state,
    );
    const sig = s.crypto_sign_detached(
      b(label('quire/presence-sig/v2'), cell, epoch, fields),
      f.author.signSk,
    );
    const ad = b(label('quire/presence-ad/v2'), [2], cell, epoch);
    const ct = s.crypto_aead_xchacha20poly1305_ietf_encrypt(
      iso7816(b(fields, sig), 2304),
      ad,
      null,
      nonce,
      f.secrets.presenceKey,
    );
    const sealed = b([2], nonce, ct);
    expect(sealed.length).toBe(2345);
    expect(toHex(sealed)).toBe(v.sealed);
  });

  it.each(vectors.presence)('seq $seq: opens to the original state', (v) => {
    const f = fixture();
    const r = openPresence(hex(v.sealed), f.secrets.presenceKey, f.cellId, f.epoch);
    expect(
      r.ok && {
        author: toHex(r.value.author),
        clientId: r.value.clientId,
        time: r.value.time,
        seq: r.value.seq,
        state: toHex(r.value.state),
      },
    ).toEqual({
      author: vectors.authorSignPk,
      clientId: v.clientId,
      time: v.time,
      seq: v.seq,
      state: v.state,
    });
  });
});
