/**
 * The invite code's commitment to its cell and inviting coordinator. Known answers computed
 * independently with Python's hashlib.blake2b (digest_size=16, key=s, message = the length-prefixed
 * label, cellId, signPk), and re-derived here with a raw libsodium call and the literal label.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createInviteSecret } from '../../../shared/invite/createInviteSecret.ts';
import { inviteCodeFor } from '../../../shared/invite/inviteCodeFor.ts';
import { inviteCommitment } from '../../../shared/invite/inviteCommitment.ts';
import { parseInviteCode } from '../../../shared/invite/parseInviteCode.ts';

beforeAll(async () => {
  await sodiumReady();
});

const S = new Uint8Array(32).map((_, i) => i);
const CELL = new Uint8Array(16).map((_, i) => 0xa0 + i);
const PK = new Uint8Array(32).map((_, i) => 0x80 + i);
/** A whole minute: 2026-12-08T16:30Z. */
const EXPIRES = Date.UTC(2026, 11, 8, 16, 30);
const label = (l: string): Uint8Array => new Uint8Array([l.length, ...Buffer.from(l, 'utf8')]);

describe('inviteCommitment', () => {
  it('matches the known answers', () => {
    expect(toHex(inviteCommitment(S, CELL, PK))).toBe('bf4071046684398d251c69185f1d1218');
    expect(
      toHex(
        inviteCommitment(
          new Uint8Array(32).fill(0xff),
          new Uint8Array(16).fill(0x11),
          new Uint8Array(32).fill(0x22),
        ),
      ),
    ).toBe('d12fd1eee6c67f0add7b81f8320d2ffa');
  });

  it('matches a raw libsodium re-derivation', () => {
    const raw = sodium().crypto_generichash(
      16,
      Buffer.concat([label('quire/invite-commit/v1'), CELL, PK]),
      S,
    );
    expect(inviteCommitment(S, CELL, PK)).toEqual(raw);
  });

  it('changes with every bit of the secret, the cell id and the signing key', () => {
    const base = toHex(inviteCommitment(S, CELL, PK));
    const flip = (b: Uint8Array, i: number): Uint8Array => {
      const c = Uint8Array.from(b);
      c[i >> 3] = (c[i >> 3] ?? 0) ^ (1 << (i & 7));
      return c;
    };
    const seen = new Set([base]);
    for (let i = 0; i < 256; i++) seen.add(toHex(inviteCommitment(flip(S, i), CELL, PK)));
    for (let i = 0; i < 128; i++) seen.add(toHex(inviteCommitment(S, flip(CELL, i), PK)));
    for (let i = 0; i < 256; i++) seen.add(toHex(inviteCommitment(S, CELL, flip(PK, i))));
    expect(seen.size).toBe(1 + 256 + 128 + 256);
  });

  it('refuses inputs of the wrong size; inviteCodeFor says so as a result', () => {
    expect(() => inviteCommitment(S.slice(1), CELL, PK)).toThrow(RangeError);
    expect(() => inviteCommitment(S, PK, PK)).toThrow(RangeError);
    expect(() => inviteCommitment(S, CELL, CELL)).toThrow(RangeError);
    const urls = ['wss://signal.example.org'];
    for (const [secret, cellId, inviterSignPk] of [
      [S.slice(1), CELL, PK],
      [S, PK, PK],
      [S, CELL, CELL],
    ] as const)
      expect(
        inviteCodeFor({ secret, cellId, inviterSignPk, rendezvousUrls: urls, expiresAt: EXPIRES }),
      ).toMatchObject({ ok: false, error: 'invalid_argument' });
  });

  it('inviteCodeFor puts the commitment and the roster expiry (rounded up) into the code', () => {
    const secret = createInviteSecret();
    const code = inviteCodeFor({
      secret,
      cellId: CELL,
      inviterSignPk: PK,
      rendezvousUrls: ['wss://signal.example.org'],
      expiresAt: EXPIRES + 1,
    });
    if (!code.ok) throw new Error(code.error);
    const parsed = parseInviteCode(code.value);
    expect(parsed.ok && parsed.value.commitment).toEqual(inviteCommitment(secret, CELL, PK));
    expect(parsed.ok && parsed.value.secret).toEqual(secret);
    expect(parsed.ok && parsed.value.expiresAt).toBe(EXPIRES + 60_000);
  });
});
