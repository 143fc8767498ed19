import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';

/** A stretch of a text written by one author (undefined: not known). */
export interface AuthorRun {
  readonly author: string | undefined;
  readonly length: number;
}

/**
 * Who wrote each character of a Y.XmlText, as runs in order: the verified author of the clientID
 * of the Yjs item holding it (ClientAuthors), never a mark or field. Deleted items are skipped;
 * an embed counts one, as Yjs indexes do. Adjacent runs of one author are merged.
 */
export function authorRuns(text: Y.XmlText, authors: ClientAuthors): AuthorRun[] {
  const runs: { author: string | undefined; length: number }[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const author = authors(item.id.client);
    const last = runs[runs.length - 1];
    if (last && last.author === author) last.length += item.length;
    else runs.push({ author, length: item.length });
  }
  return runs;
}
