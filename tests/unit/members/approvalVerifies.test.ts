import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity } from '../../../shared/identity/createIdentity.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import type { Decision } from '../../../shared/join/InviteHost.ts';
import { PendingJoins } from '../../../renderer/session/PendingJoins.ts';

/**
 * Issue #19 item 8: approving a join request means the coordinator ticked that the joiner read
 * out the words of the very keys the admit names, so the member is verified on this device at
 * once (the list said "Not verified" a second later). Denying marks nothing.
 */

beforeAll(sodiumReady);

function request(name: string) {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  const { signPk, boxPk } = r.value;
  return {
    requestId: new Uint8Array(16).fill(name.length),
    pseudonym: name,
    signPk,
    boxPk,
    safetyWords: safetyWords(signPk, boxPk),
  };
}

const invite = { secret: '00'.repeat(32), role: 'member' as const, expiresAt: 1, note: '' };

describe('PendingJoins', () => {
  it('approving marks the joiner verified by the key the words were read from', async () => {
    const marked: string[] = [];
    let changes = 0;
    const joins = new PendingJoins(
      () => changes++,
      (hex) => {
        marked.push(hex);
        return Promise.resolve();
      },
    );
    const boris = request('Boris');
    const decision: Promise<Decision> = joins.decide(boris, invite);
    const [view] = joins.views();
    expect(view?.pseudonym).toBe('Boris');
    expect(view?.safetyWords).toEqual(boris.safetyWords);
    view?.approve(true);
    expect(await decision).toEqual({ approve: true, historyAccess: true });
    expect(marked).toEqual([toHex(boris.signPk)]);
    expect(joins.views()).toEqual([]);
    expect(changes).toBe(2);
    // A second click on a settled card changes nothing.
    view?.approve(true);
    expect(marked).toHaveLength(1);
  });

  it('denying, or closing the session, marks nobody', async () => {
    const marked: string[] = [];
    const joins = new PendingJoins(
      () => undefined,
      (hex) => {
        marked.push(hex);
        return Promise.resolve();
      },
    );
    const first = joins.decide(request('Boris'), invite);
    const second = joins.decide(request('Vera'), invite);
    joins.views()[0]?.deny();
    expect(await first).toEqual({ approve: false });
    joins.denyAll();
    expect(await second).toEqual({ approve: false });
    expect(marked).toEqual([]);
  });

  it('a failed save of the mark does not stop the approval', async () => {
    const joins = new PendingJoins(
      () => undefined,
      () => Promise.reject(new Error('vault is locked')),
    );
    const decision = joins.decide(request('Boris'), invite);
    joins.views()[0]?.approve(false);
    expect(await decision).toEqual({ approve: true, historyAccess: false });
  });
});
