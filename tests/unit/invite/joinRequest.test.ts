import { beforeAll, describe, expect, it } from 'vitest';
import { aeadSeal } from '../../../shared/crypto/aeadSeal.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { verifyDetached } from '../../../shared/crypto/verifyDetached.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { JOIN_REQUEST_SEALED_BYTES } from '../../../shared/invite/joinRequestFormat.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import { openJoinRequest } from '../../../shared/invite/openJoinRequest.ts';
import {
  sealJoinRequest,
  type SealJoinRequestInput,
} from '../../../shared/invite/sealJoinRequest.ts';
import type { AdmitBody } from '../../../shared/roster/RosterOp.ts';
import { verifyJoinProof } from '../../../shared/roster/verifyJoinProof.ts';
import { fixture } from './inviteFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

const label = (l: string): Buffer => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]);

function setup() {
  const f = fixture();
  const input: SealJoinRequestInput = {
    inviteId: f.invite.inviteId,
    inviteKey: f.invite.inviteKey,
    signPk: f.joiner.signPk,
    signSk: f.joiner.signSk,
    boxPk: f.joiner.boxPk,
    pseudonym: 'Марта',
    createdAt: 1_700_000_000_000,
    requestId: new Uint8Array(16).fill(0x5e),
  };
  const sealed = sealJoinRequest(input);
  if (!sealed.ok) throw new Error(sealed.error);
  return { ...f, input, sealed: sealed.value };
}

/** Seals an arbitrary plaintext the way a holder of s could: for tests past decryption. */
function sealRaw(plaintext: Uint8Array, f: ReturnType<typeof setup>): Uint8Array {
  const ad = Buffer.concat([label('quire/join-request/v1'), f.invite.inviteId]);
  return aeadSeal(f.invite.inviteKey, padPlaintext(plaintext, 256), ad);
}

/** The documented plaintext layout, built here independently of the implementation. */
function plaintext(f: ReturnType<typeof setup>, signature: Uint8Array, name = 'Марта'): Buffer {
  const createdAt = Buffer.alloc(8);
  createdAt.writeBigUInt64BE(1_700_000_000_000n);
  const n = Buffer.from(name);
  return Buffer.concat([
    Buffer.from([1]),
    f.joiner.signPk,
    f.joiner.boxPk,
    Buffer.alloc(16, 0x5e),
    createdAt,
    Buffer.from([n.length]),
    n,
    signature,
  ]);
}

describe('joinerSignatureMessage', () => {
  it('has the documented layout: inviteId || signPk || boxPk || u16 len || UTF-8', () => {
    const m = joinerSignatureMessage(
      new Uint8Array(32).fill(1),
      new Uint8Array(32).fill(2),
      new Uint8Array(32).fill(3),
      'Ada',
    );
    expect(toHex(m)).toBe(`${'01'.repeat(32)}${'02'.repeat(32)}${'03'.repeat(32)}0003416461`);
    expect(() =>
      joinerSignatureMessage(new Uint8Array(31), new Uint8Array(32), new Uint8Array(32), 'x'),
    ).toThrow(RangeError);
  });
});

describe('sealJoinRequest / openJoinRequest', () => {
  it('round-trips, at a fixed size, with a signature the roster can check in admit', () => {
    const f = setup();
    expect(f.sealed.bytes).toHaveLength(JOIN_REQUEST_SEALED_BYTES);
    expect(JOIN_REQUEST_SEALED_BYTES).toBe(296);
    const r = openJoinRequest(f.sealed.bytes, f.invite.inviteKey, f.invite.inviteId);
    expect(r).toEqual({
      ok: true,
      value: {
        version: 1,
        signPk: f.joiner.signPk,
        boxPk: f.joiner.boxPk,
        requestId: f.input.requestId,
        createdAt: 1_700_000_000_000,
        pseudonym: 'Марта',
        joinerSignature: expect.any(Uint8Array) as Uint8Array,
      },
    });
    if (!r.ok) return;
    const message = joinerSignatureMessage(
      f.invite.inviteId,
      f.joiner.signPk,
      f.joiner.boxPk,
      'Марта',
    );
    expect(
      verifyDetached(f.joiner.signPk, 'quire/join-proof/v1', message, r.value.joinerSignature),
    ).toBe(true);
    // Bound to this invite: the same signature does not vouch for the joiner under another one.
    const otherId = deriveInviteSecrets(new Uint8Array(32).fill(9)).inviteId;
    const elsewhere = joinerSignatureMessage(otherId, f.joiner.signPk, f.joiner.boxPk, 'Марта');
    expect(
      verifyDetached(f.joiner.signPk, 'quire/join-proof/v1', elsewhere, r.value.joinerSignature),
    ).toBe(false);
  });

  it("produces a proof that the roster's admit check accepts", () => {
    const f = setup();
    const r = openJoinRequest(f.sealed.bytes, f.invite.inviteKey, f.invite.inviteId);
    if (!r.ok) throw new Error(r.error);
    const admit: AdmitBody = {
      type: 'admit',
      inviteId: f.invite.inviteId,
      memberSignPk: r.value.signPk,
      memberBoxPk: r.value.boxPk,
      pseudonym: r.value.pseudonym,
      role: 'member',
      historyAccess: false,
      admittedAt: 1_700_000_000_500,
      joinProof: r.value.joinerSignature,
    };
    expect(verifyJoinProof(admit)).toBe(true);
    expect(verifyJoinProof({ ...admit, pseudonym: 'Other' })).toBe(false);
    expect(verifyJoinProof({ ...admit, memberBoxPk: f.outsider.boxPk })).toBe(false);
  });

  it('hides the pseudonym length and draws fresh request ids and nonces', () => {
    const f = setup();
    const { requestId: _fixed, ...rest } = f.input;
    const a = sealJoinRequest({ ...rest, pseudonym: 'A' });
    const b = sealJoinRequest({ ...rest, pseudonym: 'é'.repeat(32) });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value.bytes.length).toBe(b.value.bytes.length);
    expect(a.value.requestId).not.toEqual(b.value.requestId);
    expect(a.value.bytes.subarray(0, 24)).not.toEqual(b.value.bytes.subarray(0, 24));
  });

  it('fails to decrypt after any single byte is flipped', () => {
    const f = setup();
    for (let i = 0; i < f.sealed.bytes.length; i++) {
      const t = f.sealed.bytes.slice();
      t[i]! ^= 0x01;
      expect(openJoinRequest(t, f.invite.inviteKey, f.invite.inviteId)).toMatchObject({
        ok: false,
        error: 'decrypt_failed',
      });
    }
  });

  it('fails to decrypt under another invite key or id', () => {
    const f = setup();
    const other = deriveInviteSecrets(new Uint8Array(32).fill(9));
    expect(openJoinRequest(f.sealed.bytes, other.inviteKey, f.invite.inviteId)).toMatchObject({
      ok: false,
      error: 'decrypt_failed',
    });
    expect(openJoinRequest(f.sealed.bytes, f.invite.inviteKey, other.inviteId)).toMatchObject({
      ok: false,
      error: 'decrypt_failed',
    });
  });

  it('refuses oversize input before decrypting, and wrong sizes as malformed', () => {
    const f = setup();
    const big = new Uint8Array(JOIN_REQUEST_SEALED_BYTES + 1);
    big.set(f.sealed.bytes);
    expect(openJoinRequest(big, f.invite.inviteKey, f.invite.inviteId)).toEqual({
      ok: false,
      error: 'too_large',
    });
    expect(
      openJoinRequest(new Uint8Array(10_000_000), f.invite.inviteKey, f.invite.inviteId),
    ).toEqual({ ok: false, error: 'too_large' });
    expect(
      openJoinRequest(f.sealed.bytes.subarray(1), f.invite.inviteKey, f.invite.inviteId),
    ).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('says bad_signature when the joiner signature does not verify', () => {
    const f = setup();
    const good = signDetached(
      f.joiner.signSk,
      'quire/join-proof/v1',
      joinerSignatureMessage(f.invite.inviteId, f.joiner.signPk, f.joiner.boxPk, 'Марта'),
    );
    const open = (p: Uint8Array) =>
      openJoinRequest(sealRaw(p, f), f.invite.inviteKey, f.invite.inviteId);
    expect(open(plaintext(f, good)).ok).toBe(true); // the independent layout is the real one
    const flipped = good.slice();
    flipped[10]! ^= 1;
    expect(open(plaintext(f, flipped))).toEqual({ ok: false, error: 'bad_signature' });
    const byOutsider = signDetached(
      f.outsider.signSk,
      'quire/join-proof/v1',
      joinerSignatureMessage(f.invite.inviteId, f.joiner.signPk, f.joiner.boxPk, 'Марта'),
    );
    expect(open(plaintext(f, byOutsider))).toEqual({ ok: false, error: 'bad_signature' });
    // A signature over another pseudonym than the one sent.
    expect(open(plaintext(f, good, 'Марта2'))).toEqual({ ok: false, error: 'bad_signature' });
  });

  it('says malformed for authenticated plaintexts that do not parse', () => {
    const f = setup();
    const sig = new Uint8Array(64);
    const good = plaintext(f, sig);
    const cases = [
      Buffer.concat([Buffer.from([2]), good.subarray(1)]), // version
      good.subarray(0, good.length - 1), // truncated
      Buffer.concat([good, Buffer.from([0])]), // trailing byte
      plaintext(f, sig, ''), // empty pseudonym
      plaintext(f, sig, 'Ada\u202e'), // bidi override
      plaintext(f, sig, 'é'.repeat(33)), // 66 bytes
    ];
    for (const p of cases)
      expect(openJoinRequest(sealRaw(p, f), f.invite.inviteKey, f.invite.inviteId)).toMatchObject({
        ok: false,
        error: 'malformed',
      });
    const badUtf8 = Buffer.from(good);
    badUtf8[1 + 32 + 32 + 16 + 8 + 1] = 0xff;
    expect(
      openJoinRequest(sealRaw(badUtf8, f), f.invite.inviteKey, f.invite.inviteId),
    ).toMatchObject({ ok: false, error: 'malformed' });
    const unpadded = aeadSeal(
      f.invite.inviteKey,
      new Uint8Array(256),
      Buffer.concat([label('quire/join-request/v1'), f.invite.inviteId]),
    );
    expect(openJoinRequest(unpadded, f.invite.inviteKey, f.invite.inviteId)).toMatchObject({
      ok: false,
      error: 'malformed',
    });
  });

  it('refuses bad input when sealing instead of producing a request nobody accepts', () => {
    const f = setup();
    const bad: Partial<SealJoinRequestInput>[] = [
      { signSk: f.outsider.signSk },
      { boxPk: new Uint8Array(31) },
      { pseudonym: '' },
      { pseudonym: 'x'.repeat(65) },
      { createdAt: -1 },
      { requestId: new Uint8Array(15) },
      { inviteKey: new Uint8Array(16) },
    ];
    for (const b of bad)
      expect(sealJoinRequest({ ...f.input, ...b })).toMatchObject({
        ok: false,
        error: 'invalid_argument',
      });
  });
});
