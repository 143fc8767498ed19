import { describe, expect, it } from 'vitest';
import {
  BUCKET_NAME,
  bucketNameFrom,
  LEGACY_BUCKET,
  planBuckets,
  type FoundBucket,
} from '../../../renderer/storage/bucketPlan.ts';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const settled = (name: string): FoundBucket => ({ name, marker: { from: null } });
const copiedFrom = (name: string, from: string): FoundBucket => ({ name, marker: { from } });
const unmarked = (name: string): FoundBucket => ({ name, marker: undefined });

describe('planBuckets: exactly one complete vault at every point of a move', () => {
  it('no bucket, or only an unfinished one: a first run (the unfinished one goes)', () => {
    expect(planBuckets([])).toEqual({ use: undefined, remove: [], settle: false, rename: false });
    expect(planBuckets([unmarked(A)])).toEqual({
      use: undefined,
      remove: [A],
      settle: false,
      rename: false,
    });
  });

  it('one settled bucket: used as it is', () => {
    expect(planBuckets([settled(A)])).toEqual({ use: A, remove: [], settle: false, rename: false });
  });

  it('cut during the copy (no marker yet): the old bucket wins, the copy goes', () => {
    expect(planBuckets([settled(A), unmarked(B)])).toEqual({
      use: A,
      remove: [B],
      settle: false,
      rename: false,
    });
  });

  it('cut after the marker, before the old bucket was deleted: the copy wins, the old goes', () => {
    expect(planBuckets([settled(A), copiedFrom(B, A)])).toEqual({
      use: B,
      remove: [A],
      settle: true,
      rename: false,
    });
  });

  it('cut after the old bucket was deleted, before the marker was settled: settled now', () => {
    expect(planBuckets([copiedFrom(B, A)])).toEqual({
      use: B,
      remove: [],
      settle: true,
      rename: false,
    });
  });

  it('the bucket of older versions counts as complete and is moved to a random name', () => {
    expect(planBuckets([unmarked(LEGACY_BUCKET)])).toEqual({
      use: LEGACY_BUCKET,
      remove: [],
      settle: false,
      rename: true,
    });
    expect(planBuckets([unmarked(LEGACY_BUCKET), unmarked(B)]).use).toBe(LEGACY_BUCKET);
    expect(planBuckets([unmarked(LEGACY_BUCKET), copiedFrom(B, LEGACY_BUCKET)])).toEqual({
      use: B,
      remove: [LEGACY_BUCKET],
      settle: true,
      rename: false,
    });
  });

  it('two unrelated complete buckets (never made by a move): one used, none deleted', () => {
    const plan = planBuckets([settled(B), settled(A)]);
    expect(plan.use).toBe(A);
    expect(plan.remove).toEqual([]);
  });

  it('a marker naming itself or a missing bucket supersedes nothing', () => {
    expect(planBuckets([copiedFrom(A, A)]).use).toBe(A);
    expect(planBuckets([copiedFrom(A, B)]).remove).toEqual([]);
  });
});

describe('bucketNameFrom', () => {
  it('makes 32 hex digits from 16 random bytes, the same shape for every bucket', () => {
    const name = bucketNameFrom(new Uint8Array(16).fill(0xab));
    expect(name).toBe('ab'.repeat(16));
    expect(name).toMatch(BUCKET_NAME);
    expect(() => bucketNameFrom(new Uint8Array(15))).toThrow(RangeError);
  });
});
