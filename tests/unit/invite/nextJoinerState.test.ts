import { describe, expect, it } from 'vitest';
import type { InviteNotice } from '../../../shared/invite/InviteNotice.ts';
import type { JoinerEvent, JoinerState } from '../../../shared/invite/JoinerState.ts';
import type { RelayWelcome } from '../../../shared/invite/Welcome.ts';
import { nextJoinerState } from '../../../shared/invite/nextJoinerState.ts';

const mine = new Uint8Array(16).fill(1);
const theirs = new Uint8Array(16).fill(2);
const waiting: JoinerState = { status: 'waiting_for_approval', requestId: mine };
const notice = (kind: InviteNotice['kind'], requestId = mine): JoinerEvent => ({
  type: 'notice',
  notice: { kind, requestId, issuedAt: 1 },
});
const welcome = {
  variant: 'relay',
  cellId: new Uint8Array(16),
  joinerSignPk: new Uint8Array(32),
  joinerBoxPk: new Uint8Array(32),
  admitOpId: '00'.repeat(16),
  epoch: 0,
  transportRoots: [{ epoch: 0, key: new Uint8Array(32) }],
  config: { rendezvousUrls: ['wss://a.org'], iceServers: [], relayOnly: false },
} satisfies RelayWelcome;
const approve: JoinerEvent = {
  type: 'welcome_verified',
  welcome,
  coordinatorSignPk: new Uint8Array(32),
};

describe('nextJoinerState', () => {
  it.each(['denied', 'expired', 'revoked', 'used'] as const)(
    'moves a waiting joiner to %s',
    (k) => {
      expect(nextJoinerState(waiting, notice(k))).toEqual({ status: k, requestId: mine });
    },
  );

  it("ignores notices answering someone else's request", () => {
    expect(nextJoinerState(waiting, notice('denied', theirs))).toBe(waiting);
  });

  it('approves on a verified welcome, even after a (possibly forged) notice', () => {
    expect(nextJoinerState(waiting, approve)).toMatchObject({ status: 'approved', welcome });
    const denied = nextJoinerState(waiting, notice('denied'));
    expect(nextJoinerState(denied, approve)).toMatchObject({ status: 'approved' });
  });

  it('keeps approved and invalid_code final, and a first notice wins over later ones', () => {
    const approved = nextJoinerState(waiting, approve);
    expect(nextJoinerState(approved, notice('revoked'))).toBe(approved);
    const invalid: JoinerState = { status: 'invalid_code', error: 'checksum_mismatch' };
    expect(nextJoinerState(invalid, approve)).toBe(invalid);
    const expired = nextJoinerState(waiting, notice('expired'));
    expect(nextJoinerState(expired, notice('denied'))).toBe(expired);
  });
});
