import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8 } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { rosterOpId } from '../../../shared/roster/rosterOpId.ts';
import {
  MAX_OP_BYTES,
  MAX_ROTATE_RECIPIENTS,
  WRAP_SEALED_BYTES,
  type RosterOpBody,
} from '../../../shared/roster/RosterOp.ts';
import { verifyRosterOp } from '../../../shared/roster/verifyRosterOp.ts';
import {
  inviteIdFor,
  joinProof,
  makeActor,
  rekeyProof,
  TestCell,
  type Actor,
} from './rosterFixture.ts';

let alice: Actor, bob: Actor, carol: Actor;
beforeAll(async () => {
  await sodiumReady();
  alice = makeActor('alice');
  bob = makeActor('bob');
  carol = makeActor('carol');
});

const u16 = (n: number) => new Uint8Array([n >> 8, n & 255]);
const id = (n: number) => new Uint8Array(16).fill(n);

/** Hand-built op bytes, correctly signed, so only the field under test is wrong. */
function raw(
  cell: TestCell,
  f: {
    version?: number;
    type: number;
    heads?: Uint8Array[];
    body: Uint8Array;
    cellId?: Uint8Array;
  },
): Uint8Array {
  const heads = f.heads ?? [fromHex(cell.genesisId)!];
  const signed = concatBytes(
    new Uint8Array([f.version ?? 1]),
    f.cellId ?? cell.cellId,
    new Uint8Array([f.type]),
    alice.signPk,
    new Uint8Array([heads.length]),
    ...heads,
    u16(f.body.length),
    f.body,
  );
  return concatBytes(signed, signDetached(alice.signSk, LABELS.rosterOpSig, signed));
}

const invite = (role = 1, expires = new Uint8Array(8)) =>
  concatBytes(new Uint8Array(32).fill(9), new Uint8Array([role]), expires);

function reasonFor(cell: TestCell, bytes: Uint8Array) {
  const r = computeRoster([cell.get(cell.genesisId), bytes], { cellId: cell.cellId });
  return r.rejected.find((x) => x.opId === rosterOpId(bytes))?.reason ?? 'counted';
}

describe('roster op codec', () => {
  it('round-trips every op type through createRosterOp and decodeRosterOp', () => {
    const cell = new TestCell(alice);
    const inviteId = inviteIdFor('x');
    const bodies: RosterOpBody[] = [
      { type: 'invite', inviteId, role: 'relay', expiresAt: Number.MAX_SAFE_INTEGER },
      { type: 'revoke-invite', inviteId },
      {
        type: 'admit',
        inviteId,
        memberSignPk: bob.signPk,
        memberBoxPk: bob.boxPk,
        pseudonym: 'Боб 🕊️',
        role: 'reader',
        historyAccess: true,
        admittedAt: 1_700_000_000_000,
        joinProof: joinProof(bob, inviteId, 'Боб 🕊️'),
      },
      { type: 'remove', member: bob.signPk },
      { type: 'set-role', member: bob.signPk, role: 'coordinator' },
      {
        type: 'rotate',
        newEpoch: 7,
        wraps: [
          { recipient: bob.signPk, kind: 'relay', sealed: new Uint8Array(WRAP_SEALED_BYTES) },
        ],
      },
      { type: 'leave' },
      { type: 'rename', pseudonym: 'x' },
      {
        type: 'rekey',
        newSignPk: carol.signPk,
        newBoxPk: carol.boxPk,
        proof: rekeyProof(cell.cellId, alice, carol),
      },
    ];
    for (const body of bodies) {
      const heads = [cell.genesisId, toHex(id(1))];
      const made = createRosterOp(cell.cellId, alice, [heads[1]!, heads[0]!, heads[1]!], body);
      if (!made.ok) throw new Error(made.error);
      expect(made.value.opId).toBe(rosterOpId(made.value.bytes));
      const dec = decodeRosterOp(made.value.bytes);
      if (!dec.ok) throw new Error(dec.error);
      expect(dec.value.body).toEqual(body);
      expect(dec.value.heads).toEqual([...heads].sort());
      expect(verifyRosterOp(made.value.bytes, cell.cellId).ok).toBe(true);
    }
  });

  it('checks the size cap before parsing, and fits a 200-recipient rotate with 32 heads', () => {
    const cell = new TestCell(alice);
    expect(decodeRosterOp(new Uint8Array(MAX_OP_BYTES + 1))).toMatchObject({ error: 'oversize' });
    expect(reasonFor(cell, new Uint8Array(MAX_OP_BYTES + 1))).toBe('oversize');
    const wraps = Array.from({ length: MAX_ROTATE_RECIPIENTS }, (_, i) => ({
      recipient: new Uint8Array(32)
        .fill(0)
        .map((_, j) => (j === 0 ? i >> 8 : j === 1 ? i & 255 : 0)),
      kind: 'member' as const,
      sealed: new Uint8Array(WRAP_SEALED_BYTES),
    }));
    const heads = Array.from({ length: 32 }, (_, i) => toHex(id(i + 1)));
    const big = createRosterOp(cell.cellId, alice, heads, { type: 'rotate', newEpoch: 1, wraps });
    expect(big.ok).toBe(true);
    if (big.ok) expect(big.value.bytes.length).toBeLessThanOrEqual(MAX_OP_BYTES);
    const tooMany = [...wraps, { ...wraps[0]!, recipient: new Uint8Array(32).fill(255) }];
    expect(
      createRosterOp(cell.cellId, alice, heads, { type: 'rotate', newEpoch: 1, wraps: tooMany }),
    ).toMatchObject({ ok: false, error: 'invalid_body' });
    expect(
      createRosterOp(cell.cellId, alice, [...heads, toHex(id(99))], { type: 'leave' }),
    ).toMatchObject({ ok: false, error: 'invalid_heads' });
  });

  it('rejects structural defects as malformed', () => {
    const cell = new TestCell(alice);
    const ok = raw(cell, { type: 1, body: invite() });
    expect(reasonFor(cell, ok)).toBe('counted');
    const bigTime = new Uint8Array([0, 0x20, 0, 0, 0, 0, 0, 0]);
    const pseudonym = (s: Uint8Array) => concatBytes(new Uint8Array([s.length]), s);
    const rename = (s: Uint8Array) => raw(cell, { type: 8, body: pseudonym(s) });
    const wrap = (k: number) =>
      concatBytes(
        new Uint8Array(32).fill(k),
        new Uint8Array([0]),
        new Uint8Array(WRAP_SEALED_BYTES),
      );
    const cases: Record<string, Uint8Array> = {
      truncated: ok.slice(0, -1),
      trailing: concatBytes(ok, new Uint8Array([0])),
      version: raw(cell, { version: 2, type: 1, body: invite() }),
      unknownType: raw(cell, { type: 10, body: new Uint8Array() }),
      rekeyShort: raw(cell, { type: 9, body: new Uint8Array(127) }),
      rekeyLong: raw(cell, { type: 9, body: new Uint8Array(129) }),
      unknownRole: raw(cell, { type: 1, body: invite(4) }),
      unsafeInteger: raw(cell, { type: 1, body: invite(1, bigTime) }),
      unsortedHeads: raw(cell, { type: 7, heads: [id(2), id(1)], body: new Uint8Array() }),
      duplicateHeads: raw(cell, { type: 7, heads: [id(1), id(1)], body: new Uint8Array() }),
      tooManyHeads: raw(cell, {
        type: 7,
        heads: Array.from({ length: 33 }, (_, i) => id(i)),
        body: new Uint8Array(),
      }),
      noHeads: raw(cell, { type: 7, heads: [], body: new Uint8Array() }),
      bodyTooLong: raw(cell, { type: 7, body: new Uint8Array([0]) }),
      emptyName: rename(new Uint8Array()),
      badUtf8: rename(new Uint8Array([0xff, 0xfe])),
      bidiOverride: rename(utf8('\u202Eevil')),
      controlChar: rename(utf8('a\nb')),
      historyFlag: raw(cell, {
        type: 3,
        body: concatBytes(
          new Uint8Array(96),
          pseudonym(utf8('b')),
          new Uint8Array([1, 2]),
          new Uint8Array(72),
        ),
      }),
      unsortedWraps: raw(cell, {
        type: 6,
        body: concatBytes(new Uint8Array([0, 0, 0, 1, 0, 2]), wrap(2), wrap(1)),
      }),
      epochZero: raw(cell, {
        type: 6,
        body: concatBytes(new Uint8Array([0, 0, 0, 0, 0, 1]), wrap(1)),
      }),
    };
    for (const [name, bytes] of Object.entries(cases))
      expect(`${name}: ${reasonFor(cell, bytes)}`).toBe(`${name}: malformed`);
  });

  it('rejects an op of another cell and a genesis that is not this cell (wrong_cell)', () => {
    const cell = new TestCell(alice);
    const other = new TestCell(alice, 'Other', new Uint8Array(16).fill(4));
    const foreign = other.get(other.op(alice, { type: 'leave' }));
    expect(reasonFor(cell, foreign)).toBe('wrong_cell');
    expect(reasonFor(cell, other.get(other.genesisId))).toBe('wrong_cell');
    const r = computeRoster([other.get(other.genesisId)], { cellId: cell.cellId });
    expect(r.genesisId).toBeUndefined();
    expect(r.members.size).toBe(0);
  });

  it('refuses to encode out-of-range fields', () => {
    const cell = new TestCell(alice);
    const g = [cell.genesisId];
    const bad: RosterOpBody[] = [
      { type: 'rename', pseudonym: ' padded' },
      { type: 'rename', pseudonym: 'x'.repeat(65) },
      { type: 'remove', member: new Uint8Array(31) },
      { type: 'invite', inviteId: new Uint8Array(32), role: 'member', expiresAt: -1 },
      { type: 'invite', inviteId: new Uint8Array(32), role: 'boss' as 'member', expiresAt: 1 },
    ];
    for (const body of bad)
      expect(createRosterOp(cell.cellId, alice, g, body)).toMatchObject({ error: 'invalid_body' });
    expect(createRosterOp(cell.cellId, alice, ['xyz'], { type: 'leave' })).toMatchObject({
      error: 'invalid_heads',
    });
    expect(createRosterOp(cell.cellId, alice, [], { type: 'leave' })).toMatchObject({
      error: 'invalid_heads',
    });
  });
});
