/**
 * Reboxes are counted apart from a member's 64 other ops (one per rotation for the cell's life),
 * and bounded by their own cap, so a member cannot flood with them either.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { MAX_OPS_PER_MEMBER, MAX_REBOXES_PER_AUTHOR } from '../../../shared/runtime/RosterGate.ts';
import { RosterLog } from '../../../shared/runtime/RosterLog.ts';
import { reboxBody } from '../../../shared/runtime/reboxSelf.ts';
import { makeActor, TestCell } from './rosterFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

describe('rebox caps', () => {
  it('a member with a full cap of other ops still reboxes; reboxes stop at their own cap', () => {
    const anna = makeActor('Anna', 'rebox-cap');
    const boris = makeActor('Boris', 'rebox-cap');
    const c = new TestCell(anna);
    c.join(anna, boris);
    const log = new RosterLog(c.cellId, [...c.bytes.values()]);
    let last = '';
    for (let i = 0; i < MAX_OPS_PER_MEMBER; i++) {
      last = c.op(boris, { type: 'rename', pseudonym: `Boris ${i}` });
      expect(log.offer(c.get(last), boris.signPk).outcome).toBe('held');
    }
    const over = c.get(c.op(boris, { type: 'rename', pseudonym: 'One more' }, [last]));
    expect(log.offer(over, boris.signPk).outcome).toBe('roster_over_cap');
    const outcomes = new Map<string, number>();
    // Chained, as a member's reboxes are (each names the one before): every one counts.
    for (let i = 0; i < MAX_REBOXES_PER_AUTHOR + 3; i++) {
      const id = c.op(boris, reboxBody(c.cellId, boris.signPk).body, [last]);
      last = id;
      const o = log.offer(c.get(id), boris.signPk).outcome;
      outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
      if (o !== 'held') break;
    }
    expect(outcomes.get('held')).toBe(MAX_REBOXES_PER_AUTHOR);
    expect(outcomes.get('roster_over_cap')).toBe(1);
  }, 120_000);
});
