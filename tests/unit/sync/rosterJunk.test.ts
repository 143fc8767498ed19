import { describe, expect, it } from 'vitest';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import type { RosterOpBody } from '../../../shared/roster/RosterOp.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { prng, randBytes, randInt } from '../../support/prng.ts';
import { removeMember } from '../../../shared/runtime/cellGovernance.ts';
import { createRuntimeCell, currentKeyHex, memberHex } from '../runtime/runtimeCell.ts';

/** Signs `body` as `rt`'s identity over its log's heads, without going through its log. */
function signedBy(rt: CellRuntime, body: RosterOpBody): Uint8Array {
  const r = createRosterOp(rt.cellRecord.cellId, rt.me, rt.roster.heads(), body);
  if (!r.ok) throw new Error(r.error);
  return r.value.bytes;
}

/**
 * Issue 13 item 3: roster envelopes from any member, a reader included, were held before they
 * were validated, marked applied, and carried into every new generation, where they counted
 * toward the rollover threshold again: 3,000 of them (~0.9 MB) started an endless rollover
 * cascade.
 */
describe('junk roster envelopes', () => {
  it('3,000 junk roster envelopes from a reader do not cause a rollover', async () => {
    const rand = prng(3);
    const { cell, founder: anna } = await createRuntimeCell(prng(1));
    const rita = await cell.admit(anna, 'Rita', 'reader', 1);
    await cell.advance(2_000);
    const held = anna.roster.allOps().length;
    for (let i = 0; i < 3_000; i++) {
      const pick = i % 3;
      if (pick === 0) rita.sync.publishRosterOp(randBytes(rand, 100 + randInt(rand, 150)));
      else if (pick === 1)
        rita.sync.publishRosterOp(
          signedBy(rita, {
            type: 'invite',
            inviteId: randBytes(rand, 32),
            role: 'coordinator',
            expiresAt: 4_000_000_000_000,
          }),
        );
      else rita.sync.publishRosterOp(signedBy(rita, { type: 'rename', pseudonym: `Rita ${i}` }));
    }
    await rita.sync.flush();
    await cell.advance(60_000);
    expect(anna.sync.status().generation).toBe(0);
    expect(anna.sync.status().epoch).toBe(0);
    // Junk is neither held nor stored: at most a reader's few renames are.
    expect(anna.roster.allOps().length).toBeLessThanOrEqual(held + 100);
    expect(anna.sync.wireStats().entries).toBeLessThan(200);
    expect(anna.currentRoster().members.get(memberHex(rita))?.role).toBe('reader');
    await rita.close();
    await anna.close();
  });

  it('a member floods roster envelopes, a coordinator removes them and rotates: all peers agree', async () => {
    const rand = prng(5);
    const { cell, founder: anna } = await createRuntimeCell(prng(4));
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    const chen = await cell.admit(anna, 'Chen', 'member', 2);
    await cell.advance(2_000);
    for (let i = 0; i < 1_500; i++) {
      const pick = i % 5;
      if (pick < 2) boris.sync.publishRosterOp(randBytes(rand, 100 + randInt(rand, 150)));
      else if (pick === 2)
        boris.sync.publishRosterOp(signedBy(boris, { type: 'remove', member: chen.me.signPk }));
      else boris.sync.publishRosterOp(signedBy(boris, { type: 'rename', pseudonym: `Boris ${i}` }));
    }
    await boris.sync.flush();
    await cell.advance(10_000);
    expect((await removeMember(anna, memberHex(boris))).ok).toBe(true);
    await cell.advance(30_000);
    for (const rt of [anna, chen, boris]) {
      expect(rt.currentRoster().removed.has(memberHex(boris))).toBe(true);
      expect(rt.currentRoster().epoch).toBe(1);
    }
    expect(chen.currentRoster().applied).toEqual(anna.currentRoster().applied);
    expect(currentKeyHex(chen)).toBe(currentKeyHex(anna));
    expect(boris.cellRecord.epochKeys.has(1)).toBe(false);
    expect(anna.sync.status().generation).toBe(0);
    for (const rt of [anna, boris, chen]) await rt.close();
  });

  it('publishOp reports an op that the log refuses', async () => {
    const { cell, founder: anna } = await createRuntimeCell(prng(2));
    const chen = await cell.admit(anna, 'Chen', 'member', 1);
    await cell.advance(2_000);
    const before = chen.roster.allOps().length;
    const removal = chen.publishOp({ type: 'remove', member: anna.me.signPk });
    expect(removal.ok).toBe(false);
    expect(chen.roster.allOps().length).toBe(before);
    await cell.advance(2_000);
    expect(anna.currentRoster().rejected).toEqual([]);
    await chen.close();
    await anna.close();
  });
});
