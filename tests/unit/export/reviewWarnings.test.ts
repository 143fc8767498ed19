import { describe, expect, it } from 'vitest';
import type { DraftEntry } from '../../../shared/cell/DraftEntry.ts';
import type { DraftStatus } from '../../../shared/cell/DraftStatus.ts';
import { reviewWarnings } from '../../../shared/export/reviewWarnings.ts';

const draft = (id: string, status: DraftStatus): DraftEntry => ({
  id,
  title: `Draft ${id}`,
  headline: '',
  status,
  createdAt: 1,
  updatedAt: 1,
  updatedBy: '',
  words: 10,
});

describe('reviewWarnings', () => {
  const drafts = [
    draft('a', 'ready'),
    draft('b', 'review'),
    draft('c', 'published'),
    draft('d', 'idea'),
    draft('e', 'writing'),
    draft('f', 'checked'),
  ];

  it('names, in issue order, the drafts not ready and those with open comments', () => {
    const open = new Map([
      ['a', 0],
      ['c', 2],
      ['d', 1],
    ]);
    expect(reviewWarnings(['d', 'c', 'a', 'b'], drafts, open)).toEqual([
      {
        draftId: 'd',
        title: 'Draft d',
        status: 'idea',
        notReady: true,
        openComments: 1,
        openSuggestions: 0,
      },
      {
        draftId: 'c',
        title: 'Draft c',
        status: 'published',
        notReady: false,
        openComments: 2,
        openSuggestions: 0,
      },
      {
        draftId: 'b',
        title: 'Draft b',
        status: 'review',
        notReady: true,
        openComments: 0,
        openSuggestions: 0,
      },
    ]);
  });

  it('warns of a ready draft that still has open suggestions', () => {
    const suggestions = new Map([
      ['a', 3],
      ['c', 0],
    ]);
    expect(reviewWarnings(['a', 'c'], drafts, new Map(), suggestions)).toEqual([
      {
        draftId: 'a',
        title: 'Draft a',
        status: 'ready',
        notReady: false,
        openComments: 0,
        openSuggestions: 3,
      },
    ]);
  });

  it('still warns about a checked draft: fact-checked is not yet ready to print', () => {
    expect(reviewWarnings(['f', 'a'], drafts, new Map())).toEqual([
      {
        draftId: 'f',
        title: 'Draft f',
        status: 'checked',
        notReady: true,
        openComments: 0,
        openSuggestions: 0,
      },
    ]);
  });

  it('says nothing for ready drafts without open comments, twice listed or no longer there', () => {
    expect(reviewWarnings(['a', 'c', 'a', 'gone'], drafts, new Map())).toEqual([]);
  });
});
