import type { DraftEntry } from '../cell/DraftEntry.ts';
import type { DraftStatus } from '../cell/DraftStatus.ts';

/** A draft of an issue that is not ready to print, or still has open comments or suggestions. */
export interface ReviewWarning {
  readonly draftId: string;
  readonly title: string;
  readonly status: DraftStatus;
  /** Its status is neither "ready" nor "published". */
  readonly notReady: boolean;
  readonly openComments: number;
  /** Suggestions nobody accepted or rejected yet: the export prints the text without them. */
  readonly openSuggestions: number;
}

const PRINTABLE: readonly DraftStatus[] = ['ready', 'published'];

/**
 * What to tell a member before she exports an issue: each of its drafts (in issue order) whose
 * status says it is not ready, or whose comments are not all resolved, or that has open
 * suggestions. Drafts no longer listed are left out (the issue shows them as missing already).
 */
export function reviewWarnings(
  draftIds: readonly string[],
  drafts: readonly DraftEntry[],
  openComments: ReadonlyMap<string, number>,
  openSuggestions: ReadonlyMap<string, number> = new Map(),
): ReviewWarning[] {
  const byId = new Map(drafts.map((draft) => [draft.id, draft]));
  const out: ReviewWarning[] = [];
  for (const id of new Set(draftIds)) {
    const draft = byId.get(id);
    if (!draft) continue;
    const notReady = !PRINTABLE.includes(draft.status);
    const open = openComments.get(id) ?? 0;
    const suggestions = openSuggestions.get(id) ?? 0;
    if (notReady || open > 0 || suggestions > 0)
      out.push({
        draftId: id,
        title: draft.title,
        status: draft.status,
        notReady,
        openComments: open,
        openSuggestions: suggestions,
      });
  }
  return out;
}
