import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import type { RosterOpBody } from '../../../shared/roster/RosterOp.ts';
import { sealEpochWraps } from '../../../shared/roster/sealEpochWraps.ts';
import { RosterLog } from '../../../shared/runtime/RosterLog.ts';
import { prng, randBytes, randInt } from '../../support/prng.ts';
import { FAR_FUTURE, makeActor, shuffled, TestCell, type Actor } from './rosterFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

/**
 * Issue 13 item 3: every roster op from any member was held before it was validated, up to
 * MAX_ROSTER_OPS = 20,000 per cell. An informer who filled the log with junk made every later
 * remove, rotate and admit refused on every peer: they could no longer be removed.
 */
function flood(cell: TestCell, from: Actor, count: number, seed: number): Uint8Array[] {
  const rand = prng(seed);
  const stranger = makeActor(`stranger-${seed}`);
  const heads = cell.frontier();
  const signed = (author: Actor, body: RosterOpBody, at: readonly string[] = heads) => {
    const r = createRosterOp(cell.cellId, author, at, body);
    if (!r.ok) throw new Error(r.error);
    return r.value.bytes;
  };
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const pick = (i % 40) - 26;
    if (pick < 14) out.push(randBytes(rand, 60 + randInt(rand, 400)));
    else if (pick === 14) out.push(signed(from, { type: 'remove', member: cell.creator.signPk }));
    else if (pick === 15)
      out.push(signed(from, { type: 'set-role', member: from.signPk, role: 'coordinator' }));
    else if (pick === 16)
      out.push(
        signed(from, {
          type: 'invite',
          inviteId: randBytes(rand, 32),
          role: 'coordinator',
          expiresAt: FAR_FUTURE,
        }),
      );
    else if (pick === 17) out.push(signed(from, { type: 'rename', pseudonym: `Boris ${i}` }));
    else if (pick === 18)
      out.push(
        signed(from, { type: 'rename', pseudonym: `Nobody ${i}` }, [
          Buffer.from(randBytes(rand, 16)).toString('hex'),
        ]),
      );
    else out.push(signed(stranger, { type: 'rename', pseudonym: `Stranger ${i}` }));
  }
  return out;
}

describe('a member floods the roster log with junk ops', () => {
  it('20,000+ junk ops do not stop a coordinator removing that member and rotating; every log agrees', () => {
    const anna = makeActor('Anna', 'flood');
    const boris = makeActor('Boris', 'flood');
    const chen = makeActor('Chen', 'flood');
    const cell = new TestCell(anna);
    cell.join(anna, boris);
    cell.join(anna, chen);
    const base = [...cell.bytes.values()];
    const junk = flood(cell, boris, 24_000, 11);
    const logs = [new RosterLog(cell.cellId, base), new RosterLog(cell.cellId, base)];
    const orders = [junk, shuffled(junk, 5)];
    for (const [i, log] of logs.entries()) {
      const order = orders[i] ?? [];
      for (let at = 0; at < order.length; at += 500) log.add(...order.slice(at, at + 500));
    }

    // Anna removes Boris and rotates, from what her own log holds.
    const annaLog = logs[0]!;
    const remove = createRosterOp(cell.cellId, anna, annaLog.heads(), {
      type: 'remove',
      member: boris.signPk,
    });
    if (!remove.ok) throw new Error(remove.error);
    annaLog.add(remove.value.bytes);
    const stay = [...annaLog.roster().members.values()].map((m) => ({
      signPk: m.signPk,
      boxPk: m.boxPk,
      kind: 'member' as const,
    }));
    const wraps = sealEpochWraps(cell.cellId, 1, new Uint8Array(32).fill(1), stay);
    if (!wraps.ok) throw new Error(wraps.error);
    const rotate = createRosterOp(cell.cellId, anna, annaLog.heads(), {
      type: 'rotate',
      newEpoch: 1,
      wraps: wraps.value,
    });
    if (!rotate.ok) throw new Error(rotate.error);
    for (const log of logs) log.add(remove.value.bytes, rotate.value.bytes);

    for (const log of logs) {
      const roster = log.roster();
      expect(roster.applied).toContain(remove.value.opId);
      expect(roster.applied).toContain(rotate.value.opId);
      expect(roster.removed.has(boris.hex)).toBe(true);
      expect(roster.epoch).toBe(1);
      expect(roster.epochs[1]?.recipients).toEqual([anna.hex, chen.hex].sort());
    }
    expect(logs[1]!.roster().applied).toEqual(annaLog.roster().applied);
  });
});
