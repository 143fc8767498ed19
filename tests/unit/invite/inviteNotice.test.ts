import { beforeAll, describe, expect, it } from 'vitest';
import { aeadSeal } from '../../../shared/crypto/aeadSeal.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import {
  INVITE_NOTICE_KINDS,
  INVITE_NOTICE_SEALED_BYTES,
  type InviteNotice,
} from '../../../shared/invite/InviteNotice.ts';
import { openInviteNotice } from '../../../shared/invite/openInviteNotice.ts';
import { openJoinRequest } from '../../../shared/invite/openJoinRequest.ts';
import { sealInviteNotice } from '../../../shared/invite/sealInviteNotice.ts';
import { fixture } from './inviteFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

const notice: InviteNotice = {
  kind: 'denied',
  requestId: new Uint8Array(16).fill(0x5e),
  issuedAt: 1_700_000_000_123,
};

function sealed(n: InviteNotice = notice): Uint8Array {
  const { invite } = fixture();
  const r = sealInviteNotice(n, invite.inviteKey, invite.inviteId);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('sealInviteNotice / openInviteNotice', () => {
  it.each(INVITE_NOTICE_KINDS)('round-trips a %s notice at a fixed size', (kind) => {
    const { invite } = fixture();
    const s = sealed({ ...notice, kind });
    expect(s).toHaveLength(INVITE_NOTICE_SEALED_BYTES);
    expect(openInviteNotice(s, invite.inviteKey, invite.inviteId)).toEqual({
      ok: true,
      value: { ...notice, kind },
    });
  });

  it('fails after any byte flip and under another invite', () => {
    const { invite } = fixture();
    const s = sealed();
    for (let i = 0; i < s.length; i++) {
      const t = s.slice();
      t[i]! ^= 0x04;
      expect(openInviteNotice(t, invite.inviteKey, invite.inviteId)).toMatchObject({
        ok: false,
        error: 'decrypt_failed',
      });
    }
    const other = deriveInviteSecrets(new Uint8Array(32).fill(9));
    expect(openInviteNotice(s, other.inviteKey, other.inviteId)).toMatchObject({
      ok: false,
      error: 'decrypt_failed',
    });
  });

  it('is domain-separated from join requests under the same invite key', () => {
    const { invite } = fixture();
    const label = (l: string) =>
      Buffer.concat([Buffer.from([l.length]), Buffer.from(l), invite.inviteId]);
    const noticeAd = label('quire/invite-notice/v1');
    const requestAd = label('quire/join-request/v1');
    const plain = Buffer.from([1, 1, ...new Array<number>(24).fill(0)]);
    const open = (ad: Buffer) =>
      openInviteNotice(aeadSeal(invite.inviteKey, plain, ad), invite.inviteKey, invite.inviteId);
    expect(open(noticeAd).ok).toBe(true);
    expect(open(requestAd)).toMatchObject({ ok: false, error: 'decrypt_failed' });
    const request = (ad: Buffer) =>
      openJoinRequest(
        aeadSeal(invite.inviteKey, new Uint8Array(256), ad),
        invite.inviteKey,
        invite.inviteId,
      );
    expect(request(requestAd)).toMatchObject({ ok: false, error: 'malformed' }); // decrypted
    expect(request(noticeAd)).toMatchObject({ ok: false, error: 'decrypt_failed' });
  });

  it('refuses oversize before decrypting and unknown kinds after', () => {
    const { invite } = fixture();
    expect(openInviteNotice(new Uint8Array(67), invite.inviteKey, invite.inviteId)).toEqual({
      ok: false,
      error: 'too_large',
    });
    const ad = Buffer.concat([
      Buffer.from([22]),
      Buffer.from('quire/invite-notice/v1'),
      invite.inviteId,
    ]);
    const plain = Buffer.alloc(26);
    plain[0] = 1;
    plain[1] = 9; // unknown kind
    expect(
      openInviteNotice(aeadSeal(invite.inviteKey, plain, ad), invite.inviteKey, invite.inviteId),
    ).toMatchObject({ ok: false, error: 'malformed' });
    plain[1] = 1;
    expect(
      openInviteNotice(aeadSeal(invite.inviteKey, plain, ad), invite.inviteKey, invite.inviteId),
    ).toMatchObject({ ok: true, value: { kind: 'denied' } });
  });

  it('refuses bad input when sealing', () => {
    const { invite } = fixture();
    const bad = [
      { ...notice, requestId: new Uint8Array(15) },
      { ...notice, issuedAt: Number.NaN },
      { ...notice, kind: 'approved' as InviteNotice['kind'] },
    ];
    for (const n of bad)
      expect(sealInviteNotice(n, invite.inviteKey, invite.inviteId)).toMatchObject({ ok: false });
  });
});
