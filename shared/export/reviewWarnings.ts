import type { DraftEntry } from '../cell/DraftEntry.ts';
import type { DraftStatus } from '../cell/DraftStatus.ts';

/** A draft of an issue that is not ready to print, or still has open comments. */
export interface ReviewWarning {
  readonly draftId: string;
  readonly title: string;
  readonly status: DraftStatus;
  /** Its status is neither "ready" nor "published". */
  readonly notReady: boolean;
  readonly openComments: number;
}

const PRINTABLE: readonly DraftStatus[] = ['ready', 'published'];

/**
 * What to tell a member before she exports an issue: each of its drafts (in issue order) whose
 * status says it is not ready, or whose comments are not all resolved. Drafts no longer listed
 * are left out (the issue shows them as missing already).
 */
export function reviewWarnings(
  draftIds: readonly string[],
  drafts: readonly DraftEntry[],
  openComments: ReadonlyMap<string, number>,
): ReviewWarning[] {
  const byId = new Map(drafts.map((draft) => [draft.id, draft]));
  const out: ReviewWarning[] = [];
  for (const id of new Set(draftIds)) {
    const draft = byId.get(id);
    if (!draft) continue;
    const notReady = !PRINTABLE.includes(draft.status);
    const open = openComments.get(id) ?? 0;
    if (notReady || open > 0)
      out.push({
        draftId: id,
        title: draft.title,
        status: draft.status,
        notReady,
        openComments: open,
      });
  }
  return out;
}
