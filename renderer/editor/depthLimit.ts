import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { MAX_DOC_DEPTH } from '../../shared/sync/checkDocDepth.ts';

/**
 * The deepest this editor lets a member nest a draft, in ProseMirror levels (a top-level
 * paragraph is 1, its text 2: the same count as the shared doc's). Kept well under MAX_DOC_DEPTH,
 * which every peer enforces on receipt, so nothing typed or pasted here is ever refused there.
 */
export const MAX_EDITOR_DEPTH = MAX_DOC_DEPTH - 16;

/** How deep nodes nest in `doc` (text nodes count as a level, as Y.XmlText does). */
export function editorDepth(doc: PmNode): number {
  let max = 0;
  const stack: [PmNode, number][] = [[doc, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > max) max = depth;
    node.forEach((child) => stack.push([child, depth + 1]));
  }
  return max;
}

/**
 * True when a local transaction (typing, a shortcut, a paste, a toolbar button) would nest the
 * draft deeper than MAX_EDITOR_DEPTH and deeper than it already is. Changes arriving from the
 * shared doc are never blocked here: the receiver already bounded them, and blocking them would
 * split the editor from the doc.
 */
export function refusesDepth(tr: Transaction, state: EditorState): boolean {
  if (!tr.docChanged) return false;
  const sync: unknown = tr.getMeta(ySyncPluginKey);
  if (typeof sync === 'object' && sync !== null && 'isChangeOrigin' in sync && sync.isChangeOrigin)
    return false;
  const after = editorDepth(tr.doc);
  return after > MAX_EDITOR_DEPTH && after > editorDepth(state.doc);
}

/** Refuses local transactions that refusesDepth flags (the edit simply does not happen). */
export function depthLimitPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('depthLimit'),
    filterTransaction: (tr, state) => !refusesDepth(tr, state),
  });
}

/** depthLimitPlugin as an editor extension. */
export const DepthLimit = Extension.create({
  name: 'depthLimit',
  addProseMirrorPlugins: () => [depthLimitPlugin()],
});
