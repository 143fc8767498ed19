import type { DraftEntry } from '../cell/DraftEntry.ts';

/**
 * What an export prints as a draft's headline: its printed headline when it has one, else its
 * working title (`untitled` for an empty one). The working title is never printed next to or
 * under a printed headline: it may name the places or the people the story came from.
 */
export function printedHeadline(
  entry: Pick<DraftEntry, 'title' | 'headline'>,
  untitled: string,
): string {
  if (entry.headline !== '') return entry.headline;
  return entry.title === '' ? untitled : entry.title;
}
