import { describe, expect, it } from 'vitest';
import {
  judgeSnapshot,
  verifiedCoverage,
  type AuthorView,
} from '../../../shared/sync/judgeSnapshot.ts';

const SIGNER = 'aa';
const CAROL = 'cc';
const C1 = 101; // carol's session with signed updates
const C2 = 102; // a session of carol's no signed update shows

const view =
  (v: Partial<AuthorView>, ends: Record<number, number> = { [C1]: 10 }) =>
  (): AuthorView => ({
    verified: 3,
    known: 3,
    knownEpoch: 0,
    mayWrite: true,
    endOf: (c) => ends[c],
    ...v,
  });
const owners = new Map([
  [C1, CAROL],
  [C2, CAROL],
  [7, SIGNER],
]);

describe('judgeSnapshot', () => {
  it('lets the signer sign anything of their own, and another author up to her signed extent', () => {
    const extents = new Map([
      [7, 999],
      [C1, 10],
    ]);
    expect(judgeSnapshot(extents, owners, SIGNER, 0, view({})).ok).toBe(true);
  });

  it('holds back structs past her extent or in a session none of her updates shows', () => {
    expect(judgeSnapshot(new Map([[C1, 11]]), owners, SIGNER, 0, view({})).ok).toBe(false);
    expect(judgeSnapshot(new Map([[C2, 1]]), owners, SIGNER, 0, view({})).ok).toBe(false);
  });

  it('cannot judge for a receiver that misses some of her updates, knows none, or only an older epoch', () => {
    const past = new Map([[C1, 50]]);
    expect(judgeSnapshot(past, owners, SIGNER, 0, view({ verified: 2, known: 3 })).ok).toBe(true);
    expect(judgeSnapshot(past, owners, SIGNER, 0, view({ verified: 0, known: 0 })).ok).toBe(true);
    expect(judgeSnapshot(past, owners, SIGNER, 1, view({ knownEpoch: 0 })).ok).toBe(true);
  });

  it('judges a removed author even when the receiver misses some of her updates', () => {
    const past = new Map([[C1, 50]]);
    const removed = view({ verified: 2, known: 3, mayWrite: false });
    expect(judgeSnapshot(past, owners, SIGNER, 1, removed).ok).toBe(false);
  });
});

describe('verifiedCoverage', () => {
  const authorOf = (c: number) => owners.get(c);
  it('caps a claim at what the receiver holds signed', () => {
    const out = verifiedCoverage(
      new Map([[CAROL, 0xffffffff]]),
      new Map([[C1, 10]]),
      [[C1, 10]],
      authorOf,
      () => 3,
    );
    expect(out).toEqual(new Map([[CAROL, 3]]));
  });

  it('covers nothing of an author whose structs the receiver holds and the state lacks', () => {
    const out = verifiedCoverage(
      new Map([[CAROL, 0xffffffff]]),
      new Map([[7, 5]]),
      [[C1, 10]],
      authorOf,
      () => 3,
    );
    expect(out.size).toBe(0);
  });

  it('a member admitted later, holding only her newest update, counts it covered', () => {
    const out = verifiedCoverage(
      new Map([[CAROL, 9]]),
      new Map([[C1, 40]]),
      [[C1, 40]],
      authorOf,
      () => 9,
    );
    expect(out).toEqual(new Map([[CAROL, 9]]));
  });
});
