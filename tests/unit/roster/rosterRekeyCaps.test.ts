/**
 * Per-author caps must not stop a re-key: whoever imaged a member's device holds the old key and
 * can fill that key's cap with valid ops before the member re-keys.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { MAX_OPS_PER_MEMBER, MAX_STRIKES } from '../../../shared/runtime/RosterGate.ts';
import { RosterLog } from '../../../shared/runtime/RosterLog.ts';
import { makeActor, TestCell } from './rosterFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

describe('a rekey past a full per-author cap', () => {
  it('is held and counts though the copy of the old key filled its cap first', () => {
    const anna = makeActor('Anna', 'rekey-cap');
    const boris = makeActor('Boris', 'rekey-cap');
    const fresh = makeActor('Boris new', 'rekey-cap');
    const copy = makeActor('Boris copy', 'rekey-cap');
    const c = new TestCell(anna);
    c.join(anna, boris);
    const base = c.frontier();
    const log = new RosterLog(c.cellId, [...c.bytes.values()]);
    // The copy floods valid ops under the old key, on the same heads: each counts in its own past.
    for (let i = 0; i < MAX_OPS_PER_MEMBER; i++) {
      const op = c.get(c.op(boris, { type: 'rename', pseudonym: `Boris ${i}` }, base));
      expect(log.offer(op, boris.signPk).outcome).toBe('held');
    }
    // Boris re-keys from his own device, which never saw those ops.
    const mine = c.rekey(boris, fresh, base);
    expect(log.offer(c.get(mine), boris.signPk).outcome).toBe('held');
    const r = log.roster();
    expect(r.applied).toContain(mine);
    expect(r.members.get(fresh.hex)?.pseudonym).toBe('Boris');
    // A competing rekey from the copy must get in too, so that every peer sees the conflict.
    const theirs = c.rekey(boris, copy, base);
    expect(log.offer(c.get(theirs), boris.signPk).outcome).toBe('held');
    expect([...log.roster().rekeyConflicts.keys()]).toEqual([boris.hex]);
    // But not without bound: the copy cannot flood rekeys past the cap either.
    const more = Array.from({ length: 8 }, (_, i) =>
      log.offer(c.get(c.rekey(boris, makeActor(`extra ${i}`, 'rekey-cap'), base)), boris.signPk),
    );
    expect(more.filter((o) => o.outcome === 'held').length).toBeLessThan(8);
  });

  it('is judged though the copy of the old key struck it out with ops that cannot count', () => {
    const anna = makeActor('Anna', 'rekey-strike');
    const boris = makeActor('Boris', 'rekey-strike');
    const fresh = makeActor('Boris new', 'rekey-strike');
    const c = new TestCell(anna);
    c.join(anna, boris);
    const log = new RosterLog(c.cellId, [...c.bytes.values()]);
    const base = c.frontier();
    for (let i = 0; i < MAX_STRIKES; i++) {
      const early = c.op(boris, { type: 'rename', pseudonym: `Early ${i}` }, [c.genesisId]);
      log.offer(c.get(early), boris.signPk);
    }
    const late = c.get(c.op(boris, { type: 'rename', pseudonym: 'Late' }, base));
    expect(log.offer(late, boris.signPk).outcome).toBe('roster_over_cap');
    const mine = c.rekey(boris, fresh, base);
    expect(log.offer(c.get(mine), boris.signPk).outcome).toBe('held');
    expect(log.roster().rekeyed.get(boris.hex)).toBe(fresh.hex);
  });
});
