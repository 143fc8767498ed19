import * as Y from 'yjs';
import type { ClientAuthors } from '../cell/ClientAuthors.ts';
import { rangesOf, uncovered, type IdRanges } from './idRanges.ts';
import type { SeenState } from './SeenState.ts';

/** A stretch of one Y.XmlText: unchanged, inserted by someone else, or deleted (zero width). */
export type ChangeRun =
  | { readonly kind: 'same'; readonly length: number }
  | { readonly kind: 'inserted'; readonly length: number; readonly author: string | undefined }
  /** Deleted since seen; `characters` counts what was there (the text itself was collected). */
  | { readonly kind: 'deleted'; readonly characters: number };

/** Where something no longer in a list (paragraph, image, line) was: before child `index` now. */
export interface ListChange {
  readonly parent: Y.XmlFragment | Y.XmlElement;
  readonly index: number;
}

export interface Changes {
  /** Texts with a change, each with its runs in order (same and inserted runs add up to it). */
  readonly texts: readonly { readonly text: Y.XmlText; readonly runs: readonly ChangeRun[] }[];
  /** Elements (paragraphs, images, rules) deleted whole since seen. */
  readonly removedBlocks: readonly ListChange[];
  /** Elements without text (an image, a rule) inserted by someone else since seen. */
  readonly insertedLeaves: readonly (ListChange & { readonly author: string | undefined })[];
  readonly insertedCharacters: number;
  readonly deletedCharacters: number;
  /** Who inserted anything (undefined: a clientID with no verified author). */
  readonly authors: ReadonlySet<string | undefined>;
}

const MAX_DEPTH = 64;

/**
 * What others changed in a draft's body since this member's `seen` state: insertions by anyone
 * but her (attributed by `authors`, the verified clientID -> author binding, never a field),
 * and deletions of what she had seen that she did not make herself (her own are folded into
 * `seen` as she makes them: withOwnEdits). A deletion cannot be attributed: Yjs records which
 * structs are deleted, not by whom. Formatting changes and attribute changes are not reported.
 */
export function changesSince(
  fragment: Y.XmlFragment,
  seen: SeenState,
  authors: ClientAuthors,
  isMine: (author: string | undefined) => boolean,
): Changes {
  const seenDeleted = rangesOf(seen.ds);
  const formats = rangesOf(seen.formats);
  const mineCache = new Map<number, boolean>();
  const mine = (client: number): boolean => {
    let m = mineCache.get(client);
    if (m === undefined) mineCache.set(client, (m = isMine(authors(client))));
    return m;
  };
  const seenUpTo = (client: number): number => seen.sv.get(client) ?? 0;
  /** Clocks of a deleted item that were visible when seen (her own count as seen). */
  const vanished = (item: Y.Item, extra: readonly IdRanges[]): number => {
    const { client, clock } = item.id;
    const to = mine(client) ? clock + item.length : Math.min(clock + item.length, seenUpTo(client));
    return uncovered(client, clock, to, [seenDeleted, ...extra]);
  };
  const texts: { text: Y.XmlText; runs: ChangeRun[] }[] = [];
  const removedBlocks: ListChange[] = [];
  const insertedLeaves: (ListChange & { author: string | undefined })[] = [];
  const who = new Set<string | undefined>();
  let insertedCharacters = 0;
  let deletedCharacters = 0;

  const walkText = (text: Y.XmlText): void => {
    const runs: ChangeRun[] = [];
    let changed = false;
    const push = (run: ChangeRun): void => {
      const last = runs[runs.length - 1];
      if (last && last.kind === 'same' && run.kind === 'same')
        runs[runs.length - 1] = { kind: 'same', length: last.length + run.length };
      else if (last?.kind === 'inserted' && run.kind === 'inserted' && last.author === run.author)
        runs[runs.length - 1] = { ...last, length: last.length + run.length };
      else if (last?.kind === 'deleted' && run.kind === 'deleted')
        runs[runs.length - 1] = { kind: 'deleted', characters: last.characters + run.characters };
      else runs.push(run);
    };
    for (let item = text._start; item !== null; item = item.right) {
      const { client, clock } = item.id;
      if (item.deleted) {
        // Collected content may have been a formatting item; kept content says what it was.
        if (item.content instanceof Y.ContentFormat) continue;
        const extra = item.content instanceof Y.ContentDeleted ? [formats] : [];
        const n = vanished(item, extra);
        if (n > 0) {
          push({ kind: 'deleted', characters: n });
          deletedCharacters += n;
          changed = true;
        }
        continue;
      }
      if (!item.countable) continue;
      const old = mine(client) ? item.length : Math.min(item.length, seenUpTo(client) - clock);
      if (old > 0) push({ kind: 'same', length: old });
      const fresh = item.length - Math.max(old, 0);
      if (fresh > 0) {
        const author = authors(client);
        push({ kind: 'inserted', length: fresh, author });
        who.add(author);
        insertedCharacters += fresh;
        changed = true;
      }
    }
    if (changed) texts.push({ text, runs });
  };

  const walkList = (parent: Y.XmlFragment | Y.XmlElement, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let index = 0;
    for (let item = parent._start; item !== null; item = item.right) {
      if (item.deleted) {
        if (vanished(item, []) > 0) {
          const last = removedBlocks[removedBlocks.length - 1];
          if (!last || last.parent !== parent || last.index !== index)
            removedBlocks.push({ parent, index });
        }
        continue;
      }
      const child = item.content instanceof Y.ContentType ? item.content.type : undefined;
      if (child instanceof Y.XmlText) walkText(child);
      else if (child instanceof Y.XmlElement) {
        const fresh = !mine(item.id.client) && item.id.clock >= seenUpTo(item.id.client);
        if (fresh && child.length === 0) {
          const author = authors(item.id.client);
          insertedLeaves.push({ parent, index, author });
          who.add(author);
        }
        walkList(child, depth + 1);
      }
      if (item.countable) index += item.length;
    }
  };

  walkList(fragment, 0);
  return {
    texts,
    removedBlocks,
    insertedLeaves,
    insertedCharacters,
    deletedCharacters,
    authors: who,
  };
}

/** Whether anything at all changed (the draft list's flag). */
export const hasChanges = (changes: Changes): boolean =>
  changes.texts.length > 0 || changes.removedBlocks.length > 0 || changes.insertedLeaves.length > 0;
