import { beforeAll, describe, expect, it, vi } from 'vitest';
import { aeadSeal } from '../../../shared/crypto/aeadSeal.ts';
import { bytesEqual, concatBytes } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { openPresence } from '../../../shared/envelope/openPresence.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import { presenceAd } from '../../../shared/envelope/presenceAd.ts';
import {
  MAX_PRESENCE_STATE_BYTES,
  PRESENCE_REJECTIONS,
  PRESENCE_SEALED_BYTES,
} from '../../../shared/envelope/presenceFormat.ts';
import { presenceSignatureInput } from '../../../shared/envelope/presenceSignatureInput.ts';
import { sealPresence, type SealPresenceInput } from '../../../shared/envelope/sealPresence.ts';
import { fixture } from './envelopeFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

const reason = (r: { ok: boolean; error?: string }): string => (r.ok ? 'accepted' : r.error!);

function setup() {
  const f = fixture();
  const input: SealPresenceInput = {
    presenceKey: f.secrets.presenceKey,
    cellId: f.cellId,
    epoch: f.epoch,
    author: f.author,
    clientId: 2_718_281_828,
    time: 1_700_000_000_000,
    seq: 3,
    state: new TextEncoder().encode('{"draft":"d1","anchor":12,"head":15}'),
  };
  const seal = (over: Partial<SealPresenceInput> = {}): Uint8Array => {
    const r = sealPresence({ ...input, ...over });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  const open = (bytes: Uint8Array) => openPresence(bytes, f.secrets.presenceKey, f.cellId, f.epoch);
  /** A presence blob around arbitrary fields || signature bytes, with a valid AEAD. */
  const rawBlob = (plaintext: Uint8Array, padded = padPlaintext(plaintext, 2304)): Uint8Array =>
    concatBytes(
      Uint8Array.from([2]),
      aeadSeal(f.secrets.presenceKey, padded, presenceAd(f.cellId, f.epoch)),
    );
  const signed = (fields: Uint8Array): Uint8Array =>
    concatBytes(
      fields,
      signDetached(
        f.author.signSk,
        LABELS.presenceSig,
        presenceSignatureInput(f.cellId, f.epoch, fields),
      ),
    );
  /** author ‖ clientId ‖ time ‖ seq ‖ stateLength ‖ state, as PROTOCOL §6 lays them out. */
  const fields = (o: {
    clientId?: number[];
    time?: number[];
    seq?: number[];
    state?: number[];
  }) => {
    const state = o.state ?? [0xaa, 0xbb];
    return Uint8Array.from([
      ...f.author.signPk,
      ...(o.clientId ?? [0, 0, 0, 0, 0, 0, 0, 7]),
      ...(o.time ?? [0, 0, 1, 0x8b, 0xcf, 0xe5, 0x68, 0x00]),
      ...(o.seq ?? [0, 0, 0, 0, 0, 0, 0, 9]),
      0,
      state.length,
      ...state,
    ]);
  };
  return { f, input, seal, open, rawBlob, signed, fields };
}

describe('presence', () => {
  it('round-trips, always at 2345 bytes whatever the state size', () => {
    const { f, seal, open } = setup();
    for (const n of [0, 1, 100, MAX_PRESENCE_STATE_BYTES]) {
      const state = Uint8Array.from({ length: n }, (_, i) => i * 7);
      const blob = seal({ state, seq: 1000 + n });
      expect(blob.length).toBe(PRESENCE_SEALED_BYTES);
      expect(PRESENCE_SEALED_BYTES).toBe(2345);
      const r = open(blob);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(bytesEqual(r.value.state, state)).toBe(true);
      expect(r.value.seq).toBe(1000 + n);
      expect(r.value.clientId).toBe(2_718_281_828);
      expect(r.value.time).toBe(1_700_000_000_000);
      expect(bytesEqual(r.value.author, f.author.signPk)).toBe(true);
    }
    const max = Number.MAX_SAFE_INTEGER;
    const edge = open(seal({ seq: max, clientId: max, time: max }));
    expect(edge.ok && [edge.value.seq, edge.value.clientId, edge.value.time]).toEqual([
      max,
      max,
      max,
    ]);
    const zero = open(seal({ clientId: 0, time: 0 }));
    expect(zero.ok && [zero.value.clientId, zero.value.time]).toEqual([0, 0]);
  });

  it('refuses oversize state and bad arguments with typed errors', () => {
    const { f, input } = setup();
    const big = sealPresence({ ...input, state: new Uint8Array(MAX_PRESENCE_STATE_BYTES + 1) });
    expect(reason(big)).toBe('state_too_large');
    for (const over of [
      { seq: 0 },
      { seq: 2 ** 53 },
      { clientId: -1 },
      { clientId: 2 ** 53 },
      { clientId: 1.5 },
      { time: -1 },
      { time: 2 ** 53 },
      { epoch: -1 },
      { cellId: new Uint8Array(2) },
      { presenceKey: new Uint8Array(8) },
      { nonce: new Uint8Array(1) },
      { author: { signPk: f.otherAuthor.signPk, signSk: f.author.signSk } },
    ])
      expect(reason(sealPresence({ ...input, ...over }))).toBe('invalid_argument');
  });

  it('checks the size before decrypting', () => {
    const { seal, open } = setup();
    const spy = vi.spyOn(sodium(), 'crypto_aead_xchacha20poly1305_ietf_decrypt');
    const blob = seal();
    for (const b of [
      blob.subarray(0, 2344),
      concatBytes(blob, new Uint8Array(1)),
      new Uint8Array(4 << 20),
    ])
      expect(reason(open(b))).toBe('bad_length');
    expect(spy).not.toHaveBeenCalled();
    expect(open(blob).ok).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('flipping any byte is refused', () => {
    const { seal, open } = setup();
    const blob = seal();
    const wrong: number[] = [];
    for (let i = 0; i < blob.length; i++) {
      const t = blob.slice();
      t[i]! ^= 0x20;
      if (reason(open(t)) !== (i === 0 ? 'unsupported_version' : 'decrypt_failed')) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('another cell, epoch or key (including the content key) fails to decrypt', () => {
    const { f, seal } = setup();
    const blob = seal();
    const otherCell = f.cellId.slice();
    otherCell[1]! ^= 1;
    const k = f.secrets.presenceKey;
    expect(reason(openPresence(blob, k, otherCell, f.epoch))).toBe('decrypt_failed');
    expect(reason(openPresence(blob, k, f.cellId, f.epoch + 1))).toBe('decrypt_failed');
    expect(reason(openPresence(blob, f.secrets.contentKey, f.cellId, f.epoch))).toBe(
      'decrypt_failed',
    );
    expect(reason(openPresence(blob, k, f.cellId, 2 ** 32))).toBe('decrypt_failed');
  });

  it('a presence blob is never an envelope, even if both keys were equal', () => {
    const { f, input } = setup();
    const r = sealPresence({ ...input, presenceKey: f.secrets.contentKey });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Version 2 is not an envelope version; with the byte set to 1, 2304 is a valid Padmé size,
    // so this reaches the AEAD, whose AD label differs.
    expect(reason(decryptEnvelope(r.value, f.secrets.contentKey, f.cellId, f.epoch))).toBe(
      'unsupported_version',
    );
    const asEnvelope = r.value.slice();
    asEnvelope[0] = 1;
    expect(reason(decryptEnvelope(asEnvelope, f.secrets.contentKey, f.cellId, f.epoch))).toBe(
      'decrypt_failed',
    );
  });

  it('every PresenceRejection is reachable, and tampered fields fail the signature', () => {
    const { f, seal, open, rawBlob, signed, fields } = setup();
    const good = signed(fields({}));
    expect(reason(open(rawBlob(good)))).toBe('accepted'); // control for the hand-made layout
    const badVersion = seal();
    badVersion[0] = 1; // a version 1 blob (no session, no time) is refused as such
    const flipped = seal();
    flipped[2000]! ^= 1;
    const junkPadding = padPlaintext(good, 2304);
    junkPadding[2303] = 1;
    const lengthOff = good.slice();
    lengthOff[57] = 3; // stateLength 3 but 2 state bytes
    const seqZero = signed(fields({ seq: [0, 0, 0, 0, 0, 0, 0, 0] }));
    const seqHuge = signed(fields({ seq: [0, 0x20, 0, 0, 0, 0, 0, 0] })); // 2^53
    const clientHuge = signed(fields({ clientId: [0xff, 0, 0, 0, 0, 0, 0, 0] }));
    const timeHuge = signed(fields({ time: [0, 0x20, 0, 0, 0, 0, 0, 1] }));
    const alteredState = good.slice();
    alteredState[59] = 0xab;
    const otherAuthor = good.slice();
    otherAuthor.set(f.otherAuthor.signPk, 0);
    const cases: [Uint8Array, string][] = [
      [new Uint8Array(10), 'bad_length'],
      [badVersion, 'unsupported_version'],
      [flipped, 'decrypt_failed'],
      [rawBlob(good, junkPadding), 'bad_padding'],
      [rawBlob(good.subarray(0, 121)), 'malformed'],
      [rawBlob(lengthOff), 'malformed'],
      [rawBlob(seqZero), 'malformed'],
      [rawBlob(seqHuge), 'malformed'],
      [rawBlob(clientHuge), 'malformed'],
      [rawBlob(timeHuge), 'malformed'],
      [rawBlob(alteredState), 'bad_signature'],
      [rawBlob(otherAuthor), 'bad_signature'],
    ];
    const seen = new Set<string>();
    for (const [blob, expected] of cases) {
      const got = reason(open(blob));
      expect(got).toBe(expected);
      seen.add(got);
    }
    expect([...seen].sort()).toEqual([...PRESENCE_REJECTIONS].sort());
  });

  it('a signature made for another epoch does not verify', () => {
    const { f, rawBlob, fields } = setup();
    const body = fields({});
    const sig = signDetached(
      f.author.signSk,
      LABELS.presenceSig,
      presenceSignatureInput(f.cellId, f.epoch + 1, body),
    );
    const r = openPresence(
      rawBlob(concatBytes(body, sig)),
      f.secrets.presenceKey,
      f.cellId,
      f.epoch,
    );
    expect(reason(r)).toBe('bad_signature');
  });
  it('flipping any bit of the signed plaintext (author, session, time, seq, state, signature) is refused', () => {
    const { f, rawBlob, signed, fields, open } = setup();
    const good = signed(fields({ state: [...new TextEncoder().encode('{"d":"x"}')] }));
    expect(reason(open(rawBlob(good)))).toBe('accepted');
    const wrong: string[] = [];
    for (let i = 0; i < good.length; i++)
      for (const bit of [0x01, 0x80]) {
        const t = good.slice();
        t[i]! ^= bit;
        // Re-encrypted with the presence key, as any key holder can: only the signature stops it.
        const got = reason(open(rawBlob(t)));
        const allowed = i >= 56 && i < 58 ? ['malformed'] : ['bad_signature', 'malformed'];
        if (!allowed.includes(got)) wrong.push(`${i}^${bit}: ${got}`);
      }
    expect(wrong).toEqual([]);
    // The session and the time are signed: a blob cannot be moved to another client or moment.
    const moved = good.slice();
    moved[39]! ^= 1;
    expect(reason(open(rawBlob(moved)))).toBe('bad_signature');
    const later = good.slice();
    later[47]! ^= 1;
    expect(reason(open(rawBlob(later)))).toBe('bad_signature');
    expect(f.author.signPk.length).toBe(32);
  });
});
