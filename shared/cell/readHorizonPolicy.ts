import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { wasDeleted, writerOf } from './writerOf.ts';

/** How long the cell keeps its past: a number of days, or until the next issue is printed. */
export type HorizonSetting = { readonly days: number } | { readonly issue: true };

/** The choices coordinators are offered (days). */
export const HORIZON_DAY_CHOICES: readonly number[] = [7, 14, 30, 90];
export const HORIZON_DEFAULT_DAYS = 30;
/** The shortest choice: what a tampered setting falls back to. */
export const HORIZON_SHORTEST_DAYS = 7;

export interface HorizonPolicy {
  readonly setting: HorizonSetting;
  /**
   * Someone who is not a coordinator now wrote or deleted the setting (or its writer is not
   * known, or the value is not one of the choices): whatever a coordinator chose is gone, so the
   * shortest choice counts.
   */
  readonly tampered: boolean;
}

/** The stored value: a number of days among the choices, or 'issue'. */
export const isHorizonValue = (v: unknown): v is number | 'issue' =>
  v === 'issue' || (typeof v === 'number' && HORIZON_DAY_CHOICES.includes(v));

/**
 * The cell's history horizon (index doc, 'policy' map, key 'horizon'), read like the relay-only
 * setting (readRelayPolicy): it counts only as a coordinator now in the roster wrote it. Anything
 * else fails closed to the shortest choice: a member cannot lengthen how long the past is kept by
 * writing over a coordinator's value or deleting it (Yjs keeps only the latest value of a key, so
 * what the coordinator chose is gone, and it may have been the shortest). Never set: 30 days.
 */
export function readHorizonPolicy(
  indexDoc: Y.Doc,
  authors: ClientAuthors,
  isCoordinator: (signPkHex: string) => boolean,
): HorizonPolicy {
  const policy = cellIndexMaps(indexDoc).policy;
  const shortest = { setting: { days: HORIZON_SHORTEST_DAYS }, tampered: true } as const;
  if (wasDeleted(policy, 'horizon')) return shortest;
  if (!policy.has('horizon')) return { setting: { days: HORIZON_DEFAULT_DAYS }, tampered: false };
  const value = policy.get('horizon');
  const writer = writerOf(policy, 'horizon', authors);
  if (!isHorizonValue(value) || writer === undefined || !isCoordinator(writer)) return shortest;
  return { setting: value === 'issue' ? { issue: true } : { days: value }, tampered: false };
}
