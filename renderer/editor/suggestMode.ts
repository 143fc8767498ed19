import { Extension, type Editor } from '@tiptap/core';
import { Fragment, Slice, type MarkType, type Node as PmNode } from '@tiptap/pm/model';
import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state';
import { Mapping, ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { toHex } from '../../shared/crypto/bytes.ts';
import { SUGGEST_DELETE, SUGGEST_INSERT } from '../../shared/cell/suggestionMarks.ts';

interface SuggestState {
  readonly on: boolean;
}

const key = new PluginKey<SuggestState>('suggestMode');

/** Marks a transaction as turning suggestion mode on or off. */
export const withSuggesting = (tr: Transaction, on: boolean): Transaction =>
  tr.setMeta(key, { on });

/** Turns suggestion mode on or off for this editor. */
export function setSuggesting(editor: Editor, on: boolean): void {
  if (!editor.isDestroyed) editor.view.dispatch(withSuggesting(editor.state.tr, on));
}

/** A fresh suggestion id: 16 random bytes as hex (suggestionIdOf's form). */
const newId = (): string => toHex(crypto.getRandomValues(new Uint8Array(16)));

/** A change the Yjs binding made (someone else's edit, or undo): never turned into a proposal. */
const fromBinding = (tr: Transaction): boolean => {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta
    ? meta.isChangeOrigin === true
    : false;
};

/** The fragment without the text `drop` picks (this member's own suggested insertions). */
function strip(fragment: Fragment, drop: (node: PmNode) => boolean): Fragment {
  const kept: PmNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) {
      if (!drop(node)) kept.push(node);
    } else kept.push(node.copy(strip(node.content, drop)));
  });
  return Fragment.fromArray(kept);
}

/** The id of this member's own mark of `type` on `node`, if it has one from this session. */
function ownId(node: PmNode | null | undefined, type: MarkType, own: ReadonlySet<string>) {
  const mark = node?.marks.find((m) => m.type === type && own.has(String(m.attrs['id'])));
  return mark ? String(mark.attrs['id']) : undefined;
}

/** Adds `type` with `id` to the text between from and to, skipping text `skip` says. */
function markText(
  tr: Transaction,
  from: number,
  to: number,
  type: MarkType,
  id: string,
  skip: (node: PmNode) => boolean,
): void {
  const mark = type.create({ id });
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText || skip(node)) return;
    tr.addMark(Math.max(from, pos), Math.min(to, pos + node.nodeSize), mark);
  });
}

interface Removal {
  readonly at: number;
  readonly slice: Slice;
}

/**
 * Rewrites this member's edits as proposals: inserted text gets her suggestInsert mark, and
 * removed text is put back where it was with her suggestDelete mark (her own suggested insertions
 * are really removed). Structure (paragraph breaks, images, formatting) is not proposed: it
 * passes as an ordinary edit, except that removed structure is put back. When a removal cannot
 * be put back, the whole edit is undone rather than let text go unproposed.
 */
function propose(
  trs: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
  own: Set<string>,
  forward: boolean,
): Transaction | null {
  const insertType = newState.schema.marks[SUGGEST_INSERT];
  const deleteType = newState.schema.marks[SUGGEST_DELETE];
  if (!insertType || !deleteType) return null;
  const inserts: { from: number; to: number }[] = [];
  const removals: Removal[] = [];
  const isOwnInsert = (node: PmNode): boolean => ownId(node, insertType, own) !== undefined;
  trs.forEach((tr, t) => {
    if (!tr.docChanged || fromBinding(tr) || tr.getMeta(key) !== undefined) return;
    const later = trs.slice(t + 1).flatMap((next) => next.mapping.maps);
    tr.steps.forEach((step, i) => {
      const before = tr.docs[i];
      if (!(step instanceof ReplaceStep) || !before) return;
      const rest = new Mapping([...tr.mapping.maps.slice(i + 1), ...later]);
      const { from, to, slice } = step;
      if (slice.size > 0)
        inserts.push({ from: rest.map(from, 1), to: rest.map(from + slice.size, -1) });
      if (to > from) {
        const removed = before.slice(from, to);
        const kept = new Slice(
          strip(removed.content, isOwnInsert),
          removed.openStart,
          removed.openEnd,
        );
        if (kept.size > 0) removals.push({ at: rest.map(from, -1), slice: kept });
      }
    });
  });
  if (inserts.length === 0 && removals.length === 0) return null;
  const out = newState.tr.setMeta(key, 'proposed');
  let cursor: number | undefined;
  for (const removal of removals) {
    const at = out.mapping.map(removal.at, -1);
    if (out.maybeStep(new ReplaceStep(at, at, removal.slice)).failed) {
      // Nothing may go unproposed: give the text back as it was.
      const undo = newState.tr.setMeta(key, 'proposed');
      undo.replaceWith(0, newState.doc.content.size, oldState.doc.content);
      return undo.setSelection(
        TextSelection.create(undo.doc, Math.min(oldState.selection.from, undo.doc.content.size)),
      );
    }
    const end = at + removal.slice.size;
    const id =
      ownId(out.doc.resolve(at).nodeBefore, deleteType, own) ??
      ownId(out.doc.resolve(end).nodeAfter, deleteType, own) ??
      newId();
    own.add(id);
    markText(out, at, end, deleteType, id, (node) => deleteType.isInSet(node.marks) !== undefined);
    cursor = forward ? end : at;
  }
  for (const insert of inserts) {
    const from = out.mapping.map(insert.from, 1);
    const to = out.mapping.map(insert.to, -1);
    if (to <= from) continue;
    const id = ownId(out.doc.resolve(from).nodeBefore, insertType, own) ?? newId();
    own.add(id);
    markText(out, from, to, insertType, id, isOwnInsert);
    cursor = undefined; // typing: the caret stays after what was typed, as mapped
  }
  if (cursor !== undefined) out.setSelection(TextSelection.create(out.doc, cursor));
  return out;
}

/**
 * What Backspace (or Delete) removes: the selection, else the character before (after) the caret
 * within its paragraph, a surrogate pair whole; undefined at a paragraph's edge (joining
 * paragraphs is structure, not proposed).
 */
function charRange(state: EditorState, ahead: boolean): { from: number; to: number } | undefined {
  const { from, to, empty, $from } = state.selection;
  if (!empty) return { from, to };
  const text = $from.parent.textBetween(0, $from.parent.content.size, undefined, '\ufffc');
  const offset = $from.parentOffset;
  if (ahead) {
    if (offset >= text.length) return undefined;
    const wide = /[\ud800-\udbff]/.test(text.charAt(offset)) ? 2 : 1;
    return { from, to: from + wide };
  }
  if (offset === 0) return undefined;
  const wide = /[\udc00-\udfff]/.test(text.charAt(offset - 1)) && offset > 1 ? 2 : 1;
  return { from: from - wide, to: from };
}

/**
 * The suggestion-mode plugin: while on, this member's insertions and deletions become proposals
 * (propose). Changes from the Yjs binding (others' edits, undo) pass untouched.
 */
export function suggestModePlugin(): Plugin<SuggestState> {
  // Ids this editor made: typing on from one's own proposal extends it; deleting it removes it.
  const own = new Set<string>();
  let forward = false;
  return new Plugin<SuggestState>({
    key,
    state: {
      init: () => ({ on: false }),
      apply: (tr, value) => {
        const meta: unknown = tr.getMeta(key);
        return typeof meta === 'object' && meta !== null && 'on' in meta
          ? { on: meta.on === true }
          : value;
      },
    },
    props: {
      handleKeyDown: (view, event) => {
        forward = event.key === 'Delete';
        if (!key.getState(view.state)?.on) return false;
        if (event.key !== 'Backspace' && event.key !== 'Delete') return false;
        if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
        // Deleting a character is a plain transaction here, never the browser's own edit of the
        // DOM: propose() then puts it back marked, and the caret steps over it.
        const range = charRange(view.state, event.key === 'Delete');
        if (range) view.dispatch(view.state.tr.delete(range.from, range.to));
        return true;
      },
    },
    appendTransaction: (trs, oldState, newState) =>
      key.getState(newState)?.on ? propose(trs, oldState, newState, own, forward) : null,
  });
}

/**
 * Suggestion mode (suggestModePlugin, setSuggesting). Accepting and rejecting are ordinary edits
 * (acceptSuggestion, rejectSuggestion).
 */
export const SuggestMode = Extension.create({
  name: 'suggestMode',
  addProseMirrorPlugins: () => [suggestModePlugin()],
});
