import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from '../../../shared/crypto/bytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import { padmeLength } from '../../../shared/envelope/padmeLength.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { encodeWelcomeBody } from '../../../shared/invite/encodeWelcomeBody.ts';
import { openWelcome } from '../../../shared/invite/openWelcome.ts';
import { sealWelcome } from '../../../shared/invite/sealWelcome.ts';
import type { MemberWelcome, Welcome } from '../../../shared/invite/Welcome.ts';
import { MAX_WELCOME_SEALED_BYTES } from '../../../shared/invite/welcomeFormat.ts';
import { fixture, type Person } from './inviteFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

const seal = (w: Welcome, signer: Person, inviteId: Uint8Array): Uint8Array => {
  const r = sealWelcome(w, signer, inviteId);
  if (!r.ok) throw new Error(`${r.error} ${r.detail ?? ''}`);
  return r.value;
};

/** Signs an arbitrary body as a coordinator would and seals it (for tests past the signature). */
function sealRawBody(body: Uint8Array, signer: Person, inviteId: Uint8Array, to: Uint8Array) {
  const msg = concatBytes(new Uint8Array([1]), inviteId, signer.signPk, body);
  const sig = signDetached(signer.signSk, 'quire/welcome/v1', msg);
  const signed = concatBytes(new Uint8Array([1]), signer.signPk, body, sig);
  return sodium().crypto_box_seal(padPlaintext(signed, Math.max(1024, signed.length + 1)), to);
}

describe('sealWelcome / openWelcome', () => {
  it.each(['member', 'relay'] as const)('round-trips a %s welcome and exposes the signer', (v) => {
    const f = fixture();
    const w = v === 'member' ? f.memberWelcome : f.relayWelcome;
    const r = openWelcome(seal(w, f.coordinator, f.invite.inviteId), f.joiner, f.invite.inviteId);
    expect(r).toEqual({ ok: true, value: { welcome: w, coordinatorSignPk: f.coordinator.signPk } });
  });

  it('exposes a non-coordinator signer so that the roster check can refuse it', () => {
    const f = fixture();
    const sealed = seal(f.memberWelcome, f.outsider, f.invite.inviteId);
    const r = openWelcome(sealed, f.joiner, f.invite.inviteId);
    expect(r.ok && r.value.coordinatorSignPk).toEqual(f.outsider.signPk);
    expect(r.ok && r.value.coordinatorSignPk).not.toEqual(f.coordinator.signPk);
  });

  it('cannot be opened with another box key', () => {
    const f = fixture();
    const sealed = seal(f.memberWelcome, f.coordinator, f.invite.inviteId);
    const other = { ...f.joiner, boxPk: f.outsider.boxPk, boxSk: f.outsider.boxSk };
    expect(openWelcome(sealed, other, f.invite.inviteId)).toEqual({
      ok: false,
      error: 'decrypt_failed',
    });
    const wrongSk = { ...f.joiner, boxSk: f.outsider.boxSk };
    expect(openWelcome(sealed, wrongSk, f.invite.inviteId)).toEqual({
      ok: false,
      error: 'decrypt_failed',
    });
  });

  it('fails after any single byte of the sealed welcome is flipped', () => {
    const f = fixture();
    const sealed = seal(f.memberWelcome, f.coordinator, f.invite.inviteId);
    for (let i = 0; i < sealed.length; i++) {
      const t = sealed.slice();
      t[i]! ^= 0x80;
      expect(openWelcome(t, f.joiner, f.invite.inviteId)).toMatchObject({
        ok: false,
        error: 'decrypt_failed',
      });
    }
  });

  it('refuses every single-byte change inside the signed plaintext (insider re-sealing)', () => {
    const f = fixture();
    const sealed = seal(f.relayWelcome, f.coordinator, f.invite.inviteId);
    const padded = sodium().crypto_box_seal_open(sealed, f.joiner.boxPk, f.joiner.boxSk);
    const errors = new Set<string>();
    for (let i = 0; i < padded.length; i++) {
      const t = padded.slice();
      t[i]! ^= 0x01;
      const r = openWelcome(
        sodium().crypto_box_seal(t, f.joiner.boxPk),
        f.joiner,
        f.invite.inviteId,
      );
      expect(r.ok).toBe(false);
      if (!r.ok) errors.add(r.error);
    }
    expect([...errors].sort()).toEqual(['bad_signature', 'malformed', 'unsupported_version']);
  });

  it('is bound to its invite and to its joiner', () => {
    const f = fixture();
    const otherInvite = deriveInviteSecrets(new Uint8Array(32).fill(9)).inviteId;
    const sealed = seal(f.memberWelcome, f.coordinator, f.invite.inviteId);
    expect(openWelcome(sealed, f.joiner, otherInvite)).toEqual({
      ok: false,
      error: 'bad_signature',
    });
    // A welcome naming the joiner, re-sealed by the joiner to someone else, names the wrong keys.
    const forwarded = seal(
      { ...f.memberWelcome, joinerBoxPk: f.outsider.boxPk },
      f.coordinator,
      f.invite.inviteId,
    );
    const outsider = { ...f.outsider, signPk: f.outsider.signPk };
    expect(openWelcome(forwarded, outsider, f.invite.inviteId)).toEqual({
      ok: false,
      error: 'wrong_recipient',
    });
  });

  it('refuses oversize and undersize input before decrypting', () => {
    const f = fixture();
    expect(
      openWelcome(new Uint8Array(MAX_WELCOME_SEALED_BYTES + 1), f.joiner, f.invite.inviteId),
    ).toEqual({ ok: false, error: 'too_large' });
    expect(openWelcome(new Uint8Array(100), f.joiner, f.invite.inviteId)).toMatchObject({
      ok: false,
      error: 'malformed',
    });
  });

  it('says malformed for a signed body that breaks the rules', () => {
    const f = fixture();
    const body = encodeWelcomeBody(f.memberWelcome);
    if (!body.ok) throw new Error(body.error);
    const open = (b: Uint8Array) =>
      openWelcome(
        sealRawBody(b, f.coordinator, f.invite.inviteId, f.joiner.boxPk),
        f.joiner,
        f.invite.inviteId,
      );
    expect(open(body.value).ok).toBe(true);
    expect(open(concatBytes(body.value, new Uint8Array([0])))).toMatchObject({
      error: 'malformed',
    });
    expect(open(body.value.subarray(0, body.value.length - 1))).toMatchObject({
      error: 'malformed',
    });
    const variant = body.value.slice();
    variant[0] = 9;
    expect(open(variant)).toMatchObject({ error: 'malformed' });
    // A roster-op count of 2^32 - 1 is refused by its cap, not by trying to read it.
    const hugeCount = body.value.slice();
    hugeCount.set([0xff, 0xff, 0xff, 0xff], 1 + 16 + 32 + 32 + 16 + 4 + 2 + 2 * 36);
    expect(open(hugeCount)).toMatchObject({ error: 'malformed', detail: 'count above cap' });
  });

  it('pads the signed welcome to its Padme size (at least 1 KiB)', () => {
    const f = fixture();
    const withOps = (n: number, size: number): MemberWelcome => ({
      ...f.memberWelcome,
      rosterOps: Array.from({ length: n }, () => new Uint8Array(size).fill(1)),
    });
    for (const [n, size] of [
      [10, 180],
      [10, 182],
      [40, 300],
    ] as const) {
      const w = withOps(n, size);
      const body = encodeWelcomeBody(w);
      if (!body.ok) throw new Error(body.error);
      const signedLength = 1 + 32 + body.value.length + 64;
      const sealed = seal(w, f.coordinator, f.invite.inviteId);
      expect(sealed.length).toBe(48 + padmeLength(signedLength + 1));
    }
    // 20 more bytes of roster do not show: both land in the same Padme bucket.
    const a = seal(withOps(10, 180), f.coordinator, f.invite.inviteId);
    const b = seal(withOps(10, 182), f.coordinator, f.invite.inviteId);
    expect(a.length).toBe(b.length);
    expect(seal(f.relayWelcome, f.coordinator, f.invite.inviteId).length).toBe(1024 + 48);
  });
});

describe('welcome validation', () => {
  const f = () => fixture();
  const bad: [string, (x: ReturnType<typeof fixture>) => Welcome][] = [
    ['short cellId', (x) => ({ ...x.memberWelcome, cellId: new Uint8Array(15) })],
    ['short admitOpId', (x) => ({ ...x.memberWelcome, admitOpId: 'ad'.repeat(15) })],
    ['upper-case admitOpId', (x) => ({ ...x.memberWelcome, admitOpId: 'AD'.repeat(16) })],
    ['no epoch key', (x) => ({ ...x.memberWelcome, epochKeys: [] })],
    ['current key missing', (x) => ({ ...x.memberWelcome, epoch: 4 })],
    [
      'epochs not ascending',
      (x) => ({ ...x.memberWelcome, epochKeys: [...x.memberWelcome.epochKeys].reverse() }),
    ],
    [
      'short key',
      (x) => ({ ...x.relayWelcome, transportRoots: [{ epoch: 3, key: new Uint8Array(16) }] }),
    ],
    ['empty roster op', (x) => ({ ...x.memberWelcome, rosterOps: [new Uint8Array(0)] })],
    [
      'no rendezvous URL',
      (x) => ({ ...x.memberWelcome, config: { ...x.memberWelcome.config, rendezvousUrls: [] } }),
    ],
    [
      'non-canonical URL',
      (x) => ({
        ...x.memberWelcome,
        config: { ...x.memberWelcome.config, rendezvousUrls: ['WSS://a.org'] },
      }),
    ],
    [
      'http URL',
      (x) => ({
        ...x.memberWelcome,
        config: { ...x.memberWelcome.config, rendezvousUrls: ['https://a.org'] },
      }),
    ],
    [
      'bad ICE URL',
      (x) => ({
        ...x.memberWelcome,
        config: { ...x.memberWelcome.config, iceServers: [{ urls: ['http://a'] }] },
      }),
    ],
  ];
  it.each(bad)('sealWelcome refuses %s', (_name, make) => {
    const x = f();
    expect(sealWelcome(make(x), x.coordinator, x.invite.inviteId)).toMatchObject({
      ok: false,
      error: 'invalid_welcome',
    });
  });

  it('sealWelcome refuses a signing key pair that does not match, and a bad box key', () => {
    const x = f();
    const mixed = { signPk: x.coordinator.signPk, signSk: x.outsider.signSk };
    expect(sealWelcome(x.memberWelcome, mixed, x.invite.inviteId)).toMatchObject({
      ok: false,
      error: 'invalid_argument',
    });
    const lowOrder = { ...x.memberWelcome, joinerBoxPk: new Uint8Array(32) };
    expect(sealWelcome(lowOrder, x.coordinator, x.invite.inviteId)).toMatchObject({
      ok: false,
      error: 'invalid_argument',
    });
  });
});
