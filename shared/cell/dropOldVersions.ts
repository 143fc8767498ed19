import type * as Y from 'yjs';
import { draftVersions } from './draftVersions.ts';
import { entryMap, fields } from './fields.ts';
import type { HorizonSetting } from './readHorizonPolicy.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The versions panel warns this long before a version passes the horizon. */
export const VERSION_WARNING_MS = 3 * DAY_MS;
/** A version dated further ahead than this (a wrong clock, or a forged date) is not kept. */
const FUTURE_SLACK_MS = DAY_MS;

/** When a version saved at `at` passes a days horizon; undefined for "until the next issue". */
export function versionExpiry(at: number, setting: HorizonSetting): number | undefined {
  return 'days' in setting ? at + setting.days * DAY_MS : undefined;
}

/**
 * Deletes the named versions of a draft saved before `cutoff` (a version is a full copy of the
 * body: history too), and any dated implausibly far ahead, which could otherwise outlive every
 * horizon. The deletion is an ordinary edit, so the copies leave every device's garbage-collected
 * state. Returns how many were deleted.
 */
export function dropOldVersions(draftDoc: Y.Doc, cutoff: number, now: number): number {
  const versions = draftVersions(draftDoc);
  const doomed: string[] = [];
  for (const [id, value] of versions.entries()) {
    const map = entryMap(value);
    const at = map ? fields.count(map, 'at') : undefined;
    if (at !== undefined && (at < cutoff || at > now + FUTURE_SLACK_MS)) doomed.push(id);
  }
  if (doomed.length > 0) draftDoc.transact(() => doomed.forEach((id) => versions.delete(id)));
  return doomed.length;
}
