import type { PersonEntry } from './readPeople.ts';

/**
 * Whether giving this task to this member needs a warning first: public-facing ("exposing")
 * work for someone who marked themselves as inside the country, or whose entry someone else
 * overwrote (their own declaration is lost: they may be inside). Members who have not said are
 * not assumed to be inside (the UI shows them as "not said").
 */
export const needsExposureWarning = (
  task: { readonly exposing: boolean },
  assignee: PersonEntry | undefined,
): boolean => task.exposing && (assignee?.insideCountry === true || assignee?.overwritten === true);
