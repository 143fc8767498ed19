import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { RosterOp } from '../../../shared/roster/RosterOp.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import {
  MAX_OPS_PER_COORDINATOR,
  MAX_OPS_PER_MEMBER,
  MAX_STRIKES,
  MAX_WAITING_PER_MEMBER,
  RosterGate,
} from '../../../shared/runtime/RosterGate.ts';
import { RosterLog } from '../../../shared/runtime/RosterLog.ts';
import { prng, randBytes } from '../../support/prng.ts';
import { FAR_FUTURE, makeActor, TestCell, type Actor } from './rosterFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

/** Anna (coordinator) admitted Boris and Chen (members); every log starts from these ops. */
function cell() {
  const anna = makeActor('Anna', 'gate');
  const boris = makeActor('Boris', 'gate');
  const chen = makeActor('Chen', 'gate');
  const c = new TestCell(anna);
  c.join(anna, boris);
  c.join(anna, chen);
  const base = [...c.bytes.values()];
  const log = () => new RosterLog(c.cellId, base);
  return { c, anna, boris, chen, base, log };
}

const decoded = (bytes: Uint8Array): RosterOp => {
  const d = decodeRosterOp(bytes);
  if (!d.ok) throw new Error(d.error);
  return d.value;
};

/** `n` renames by `who`, all on the same heads: concurrent, every one valid in its own past. */
function forkedRenames(c: TestCell, who: Actor, n: number, heads = c.frontier()): Uint8Array[] {
  return Array.from({ length: n }, (_, i) =>
    c.get(c.op(who, { type: 'rename', pseudonym: `${who.name} ${i}` }, heads)),
  );
}

describe('the roster log judges an op before it keeps it', () => {
  it('refuses bad bytes and ops that cannot count in their own past, and keeps none of them', () => {
    const { c, boris, log } = cell();
    const l = log();
    const before = l.allOps().length;
    const tips = c.frontier();
    const stranger = makeActor('Stranger', 'gate');
    const junk = randBytes(prng(1), 300);
    expect(l.offer(junk, boris.signPk)).toMatchObject({ outcome: 'roster_invalid' });
    const invite = c.get(c.invite(boris, 'by-boris', 'coordinator', FAR_FUTURE, c.frontier()).opId);
    expect(l.offer(invite, boris.signPk)).toMatchObject({
      outcome: 'roster_unauthorised',
      reason: 'not_coordinator',
    });
    const renamed = c.get(c.op(stranger, { type: 'rename', pseudonym: 'X' }, tips));
    expect(l.offer(renamed, boris.signPk)).toMatchObject({
      outcome: 'roster_unauthorised',
      reason: 'not_member',
    });
    // Signed by a member, built on a past where the author is not one yet: refused for good.
    const early = c.get(c.op(boris, { type: 'rename', pseudonym: 'Early' }, [c.genesisId]));
    expect(l.offer(early, boris.signPk)).toMatchObject({ outcome: 'roster_unauthorised' });
    expect(l.allOps()).toHaveLength(before);
    for (const bytes of [invite, renamed, early])
      expect(l.carries(decoded(bytes).opId)).toBe(false);
    expect(l.roster().rejected).toEqual([]);
  });

  it('caps a member at MAX_OPS_PER_MEMBER held ops; add() (welcome, store) is not capped', () => {
    const { c, boris, log } = cell();
    const capped = log();
    const renames = forkedRenames(c, boris, MAX_OPS_PER_MEMBER + 20);
    const outcomes = renames.map((op) => capped.offer(op, boris.signPk).outcome);
    expect(outcomes.filter((o) => o === 'held')).toHaveLength(MAX_OPS_PER_MEMBER);
    expect(outcomes.filter((o) => o === 'roster_over_cap')).toHaveLength(20);
    const trusted = log();
    trusted.add(...renames);
    expect(trusted.allOps().length).toBe(capped.allOps().length + 20);
  });

  it('stops judging the ops of an author after MAX_STRIKES that could not count', () => {
    const { c, boris, log } = cell();
    const l = log();
    // Built on a past where Boris is not a member yet: each needs a replay to be refused.
    const early = Array.from({ length: MAX_STRIKES + 10 }, (_, i) =>
      c.get(c.op(boris, { type: 'rename', pseudonym: `Early ${i}` }, [c.genesisId])),
    );
    const outcomes = early.map((op) => l.offer(op, boris.signPk).outcome);
    expect(outcomes.filter((o) => o === 'roster_unauthorised')).toHaveLength(MAX_STRIKES);
    expect(outcomes.slice(MAX_STRIKES)).toEqual(Array(10).fill('roster_over_cap'));
  });

  it('lets an op wait for its heads, and caps what one member keeps waiting', () => {
    const { c, anna, boris, log } = cell();
    const l = log();
    const absent = c.invite(anna, 'later').opId;
    const waiting = c.get(c.op(boris, { type: 'rename', pseudonym: 'After' }, [absent]));
    expect(l.offer(waiting, boris.signPk)).toMatchObject({ outcome: 'waiting', wanted: [] });
    expect(l.roster().missing).toEqual([absent]);
    expect(l.offer(c.get(absent), anna.signPk).outcome).toBe('held');
    expect(l.roster().members.get(boris.hex)?.pseudonym).toBe('After');
    const rand = prng(2);
    const bogus = Array.from({ length: MAX_WAITING_PER_MEMBER + 5 }, (_, i) =>
      c.get(
        c.op(boris, { type: 'rename', pseudonym: `Nowhere ${i}` }, [
          Buffer.from(randBytes(rand, 16)).toString('hex'),
        ]),
      ),
    );
    const outcomes = bogus.map((op) => l.offer(op, boris.signPk).outcome);
    expect(outcomes.filter((o) => o === 'waiting')).toHaveLength(MAX_WAITING_PER_MEMBER);
    expect(outcomes.filter((o) => o === 'roster_over_cap')).toHaveLength(5);
  });

  it("pulls in past every cap an op that a coordinator's op names and this log refused", () => {
    const { c, anna, boris, log } = cell();
    const [annaLog, chenLog] = [log(), log()];
    const renames = forkedRenames(c, boris, MAX_OPS_PER_MEMBER + 30);
    // Different arrival orders: the two logs hold different subsets of Boris's renames.
    for (const op of renames) annaLog.offer(op, boris.signPk);
    for (const op of [...renames].reverse()) chenLog.offer(op, boris.signPk);
    const heads = annaLog.heads();
    const notAtChen = heads.filter((h) => !chenLog.carries(h));
    expect(notAtChen.length).toBeGreaterThan(0);
    const remove = c.get(c.op(anna, { type: 'remove', member: boris.signPk }, heads));
    expect(annaLog.offer(remove, anna.signPk).outcome).toBe('held');
    const offered = chenLog.offer(remove, anna.signPk);
    expect(offered.outcome).toBe('waiting');
    expect([...offered.wanted].sort()).toEqual([...notAtChen].sort());
    // The refused copies come again (RosterReceiver offers them once wanted).
    for (const id of notAtChen) expect(chenLog.offer(c.get(id), boris.signPk).outcome).toBe('held');
    for (const l of [annaLog, chenLog]) expect(l.roster().removed.has(boris.hex)).toBe(true);
  });

  it("names no other member's op in a member's heads", () => {
    const { c, boris, chen, log } = cell();
    const l = log();
    const base = c.frontier();
    for (const op of forkedRenames(c, boris, 3, base)) l.offer(op, boris.signPk);
    const ownRename = c.get(c.op(chen, { type: 'rename', pseudonym: 'C.' }, base));
    l.offer(ownRename, chen.signPk);
    const borisOps = new Set(
      l
        .allOps()
        .map(decoded)
        .filter((op) => op.authorHex === boris.hex)
        .map((op) => op.opId),
    );
    expect(l.heads().some((h) => borisOps.has(h))).toBe(true);
    const chenHeads = l.heads(chen.hex);
    expect(chenHeads.some((h) => borisOps.has(h))).toBe(false);
    expect(chenHeads).toContain(decoded(ownRename).opId);
  });
});

describe('RosterGate caps', () => {
  const roster = (coordinator: Actor) =>
    ({
      members: new Map([[coordinator.hex, { role: 'coordinator' }]]),
    }) as unknown as Parameters<RosterGate['refusesHeld']>[1];
  const fake = (author: Actor, type: RosterOp['body']['type'], i: number): RosterOp =>
    ({
      opId: `${author.hex.slice(0, 8)}${type}${i}`,
      authorHex: author.hex,
      body: { type },
      heads: [],
    }) as unknown as RosterOp;

  it("never refuses a coordinator's remove or rotate, whatever it already holds", () => {
    const anna = makeActor('Anna', 'gate');
    const gate = new RosterGate();
    for (let i = 0; i < MAX_OPS_PER_COORDINATOR; i++) gate.held(fake(anna, 'invite', i));
    const r = roster(anna);
    expect(gate.refusesHeld(fake(anna, 'invite', -1), r, 0, false)).toBe(true);
    expect(gate.refusesHeld(fake(anna, 'remove', -1), r, 0, false)).toBe(false);
    expect(gate.refusesHeld(fake(anna, 'rotate', -1), r, 10 ** 9, false)).toBe(false);
    expect(gate.refusesWaiting(fake(anna, 'remove', -1), anna.hex, r, false)).toBe(false);
    // Nor anything a coordinator's waiting op needs.
    expect(gate.refusesHeld(fake(anna, 'invite', -2), r, 0, true)).toBe(false);
  });
});
