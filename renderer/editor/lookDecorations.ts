import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { refreshOnDocUpdate } from './refreshOnDocUpdate.ts';

/** Who is shown how: a palette colour and a name per author key, or undefined (not shown). */
export type AuthorLook = (
  author: string,
) => { readonly colour: string; readonly name: string } | undefined;

interface LookState {
  readonly look: AuthorLook | null;
  readonly decorations: DecorationSet;
}

/** Draws the decorations of one editor state for authors shown with `look`. */
export type Decorate = (
  state: EditorState,
  authors: ClientAuthors,
  look: AuthorLook,
) => DecorationSet;

/**
 * An editor extension that draws decorations from verified authorship while a look is set (the
 * authorship colours, the suggestion highlights), re-drawn after every change of the Y.Doc
 * (deferred, so the binding has caught up), and `show` to set or clear the look. Decorations
 * only: nothing reaches the doc, an export or a print.
 */
export function lookDecorations(name: string, decorate: Decorate) {
  const key = new PluginKey<LookState>(name);
  const extension = Extension.create<{
    readonly doc: Y.Doc | null;
    readonly authors: ClientAuthors | null;
  }>({
    name,
    addOptions: () => ({ doc: null, authors: null }),
    addProseMirrorPlugins() {
      const { doc, authors } = this.options;
      return [
        new Plugin<LookState>({
          key,
          state: {
            init: () => ({ look: null, decorations: DecorationSet.empty }),
            apply: (tr, value, _old, state) => {
              const meta = tr.getMeta(key) as { look?: AuthorLook | null } | 'refresh' | undefined;
              if (meta === undefined) {
                return tr.docChanged
                  ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
                  : value;
              }
              const look = meta === 'refresh' ? value.look : (meta.look ?? null);
              const decorations =
                look && authors ? decorate(state, authors, look) : DecorationSet.empty;
              return { look, decorations };
            },
          },
          props: { decorations: (state) => key.getState(state)?.decorations },
          view: (view) =>
            refreshOnDocUpdate(view, key, doc, () => Boolean(key.getState(view.state)?.look)),
        }),
      ];
    },
  });
  const show = (editor: Editor, look: AuthorLook | null): void => {
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(key, { look }));
  };
  return { extension, show };
}
