/**
 * Which storage bucket holds the vault, decided from what a restart finds (pure: the bucket
 * moves themselves are in vaultBuckets.ts). A move copies every row into a fresh bucket, writes
 * the new bucket's marker `{ from: old }` last, deletes the old bucket, then rewrites the marker
 * as `{ from: null }`. So at every point exactly one complete vault is found:
 * - a bucket without a marker is an unfinished copy (or a first run cut short): deleted;
 * - a complete bucket named as `from` by another complete one was copied in full: deleted;
 * - the one left is the vault; its marker is settled (`from: null`) once its source is gone,
 *   so a finished move leaves the same marker as a first run.
 */

/** The bucket name of installs from before bucket moves: complete without a marker. */
export const LEGACY_BUCKET = 'quire';

/** Random bucket names: 32 hex digits, the same shape on every install and after every move. */
export const BUCKET_NAME = /^[0-9a-f]{32}$/;

export interface BucketMarker {
  /** The bucket this one was copied from while that one may still exist; null once settled. */
  readonly from: string | null;
}

export interface FoundBucket {
  readonly name: string;
  /** Undefined: no marker (an unfinished copy, unless it is the legacy bucket). */
  readonly marker: BucketMarker | undefined;
}

export interface BucketPlan {
  /** The bucket that holds the vault, or undefined (first run). */
  readonly use: string | undefined;
  /** Unfinished copies and sources of a finished copy, to delete before anything else. */
  readonly remove: readonly string[];
  /** After `remove`, rewrite the used bucket's marker as `{ from: null }`. */
  readonly settle: boolean;
  /** The used bucket still has the legacy name: move it to a random one. */
  readonly rename: boolean;
}

const complete = (b: FoundBucket): boolean => b.marker !== undefined || b.name === LEGACY_BUCKET;

export function planBuckets(found: readonly FoundBucket[]): BucketPlan {
  const whole = found.filter(complete);
  const names = new Set(whole.map((b) => b.name));
  const superseded = new Set(
    whole.flatMap((b) => {
      const from = b.marker?.from;
      return from !== undefined && from !== null && from !== b.name && names.has(from)
        ? [from]
        : [];
    }),
  );
  // Moves run one at a time, so one candidate is left. Should more ever be (two unrelated
  // complete buckets), none is deleted: the first by name is used, the others kept.
  const candidates = whole
    .filter((b) => !superseded.has(b.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const chosen = candidates.find((b) => b.name !== LEGACY_BUCKET) ?? candidates[0];
  const remove = found
    .filter((b) => !complete(b) || superseded.has(b.name))
    .map((b) => b.name)
    .sort();
  return {
    use: chosen?.name,
    remove,
    settle: chosen?.marker !== undefined && chosen.marker.from !== null,
    rename: chosen?.name === LEGACY_BUCKET,
  };
}

/** A fresh bucket name from 16 random bytes. */
export function bucketNameFrom(random: Uint8Array): string {
  if (random.length !== 16) throw new RangeError('a bucket name takes 16 random bytes');
  return Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('');
}
