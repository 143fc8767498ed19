/**
 * Known answers for s = 00 01 .. 1f, computed independently with Python's hashlib.blake2b from the
 * layout in docs/PROTOCOL.md (len-prefixed label, s as message or as BLAKE2b key), and re-derived
 * here with raw libsodium calls and literal labels.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createInviteSecret } from '../../../shared/invite/createInviteSecret.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';

beforeAll(async () => {
  await sodiumReady();
});

const S = new Uint8Array(32).map((_, i) => i);
const label = (l: string): Uint8Array => new Uint8Array([l.length, ...Buffer.from(l, 'utf8')]);

describe('deriveInviteSecrets', () => {
  it('matches the known answers', () => {
    const d = deriveInviteSecrets(S);
    expect(toHex(d.inviteId)).toBe(
      'edee78d2d3fd78a1e8c8a95ddc66267790aa66bc75ff84c6e0e0c2794b1eb33e',
    );
    expect(d.roomName).toBe('04ed8117eebe44bba0036b6f2887b91e');
    expect(d.roomPassword).toBe('58743f0d15cab1533bdcf713cee35d4c6fc3e8f801d21e4eb0dd07d226a61e02');
    expect(toHex(d.inviteKey)).toBe(
      '125b29f09db1d82d315396b38870162aa4da92aab0b2061afa7a6d05392a6f33',
    );
  });

  it('matches a raw libsodium re-derivation', () => {
    const na = sodium();
    const d = deriveInviteSecrets(S);
    const id = na.crypto_generichash(32, Buffer.concat([label('quire/invite-id/v1'), S]), null);
    expect(d.inviteId).toEqual(id);
    expect(d.roomName).toBe(toHex(na.crypto_generichash(16, label('quire/invite-room/v1'), S)));
    expect(d.roomPassword).toBe(
      toHex(na.crypto_generichash(32, label('quire/invite-transport/v1'), S)),
    );
    expect(d.inviteKey).toEqual(na.crypto_generichash(32, label('quire/invite-key/v1'), S));
  });

  it('gives unrelated values for different secrets, and all four differ', () => {
    const a = deriveInviteSecrets(createInviteSecret());
    const b = deriveInviteSecrets(createInviteSecret());
    expect(a.inviteId).not.toEqual(b.inviteId);
    expect(a.roomName).not.toBe(b.roomName);
    expect(a.inviteKey).not.toEqual(b.inviteKey);
    expect(new Set([toHex(a.inviteId), a.roomPassword, toHex(a.inviteKey)]).size).toBe(3);
    expect(a.roomName).toMatch(/^[0-9a-f]{32}$/);
    expect(a.roomPassword).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a secret of the wrong size', () => {
    expect(() => deriveInviteSecrets(new Uint8Array(31))).toThrow(RangeError);
    expect(createInviteSecret()).toHaveLength(32);
  });
});
