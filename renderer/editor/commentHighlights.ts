import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/cell/CommentThread.ts';
import { refreshOnDocUpdate } from './refreshOnDocUpdate.ts';
import { editorPositionOf, yBinding } from './yBinding.ts';

/** An open thread as the editor marks it. */
export interface MarkedThread {
  readonly id: string;
  readonly anchor: CommentAnchor;
}

interface HighlightState {
  readonly threads: readonly MarkedThread[];
  readonly active: string | null;
  readonly decorations: DecorationSet;
}

type HighlightMeta = { threads: readonly MarkedThread[]; active: string | null } | 'refresh';

const key = new PluginKey<HighlightState>('commentHighlights');

/** Where a thread's anchor falls in the editor now, or undefined (its text is gone). */
export function threadRange(
  state: EditorState,
  anchor: CommentAnchor,
): { readonly from: number; readonly to: number } | undefined {
  const binding = yBinding(state);
  if (!binding) return undefined;
  const from = editorPositionOf(binding, anchor.start);
  const to = editorPositionOf(binding, anchor.end);
  const size = state.doc.content.size;
  if (from === null || to === null || to <= from || to > size) return undefined;
  return { from, to };
}

function decorate(state: EditorState, threads: readonly MarkedThread[], active: string | null) {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = threadRange(state, thread.anchor);
    if (!range) continue;
    const current = thread.id === active ? ' comment-mark--active' : '';
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        { class: `comment-mark${current}` },
        { id: thread.id },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Shows `threads` (open ones) marked in the text, `active` more strongly. */
export function markThreads(
  editor: Editor,
  threads: readonly MarkedThread[],
  active: string | null,
): void {
  if (editor.isDestroyed) return;
  const meta: HighlightMeta = { threads, active };
  editor.view.dispatch(editor.state.tr.setMeta(key, meta));
}

/**
 * Marks commented text. Anchors are Yjs relative positions, resolved against the binding when the
 * threads change and after every change of the doc (deferred, so the binding has caught up); in
 * between, local edits just map the marks. Decorations only: nothing is written to the doc.
 */
export const CommentHighlights = Extension.create<{ readonly doc: Y.Doc | null }>({
  name: 'commentHighlights',
  addOptions: () => ({ doc: null }),
  addProseMirrorPlugins() {
    const doc = this.options.doc;
    return [
      new Plugin<HighlightState>({
        key,
        state: {
          init: () => ({ threads: [], active: null, decorations: DecorationSet.empty }),
          apply: (tr, value, _old, state) => {
            const meta = tr.getMeta(key) as HighlightMeta | undefined;
            if (meta === undefined) {
              return tr.docChanged
                ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
                : value;
            }
            const next = meta === 'refresh' ? value : { ...value, ...meta };
            return { ...next, decorations: decorate(state, next.threads, next.active) };
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
        view: (view) =>
          refreshOnDocUpdate(
            view,
            key,
            doc,
            () => (key.getState(view.state)?.threads.length ?? 0) > 0,
          ),
      }),
    ];
  },
});
