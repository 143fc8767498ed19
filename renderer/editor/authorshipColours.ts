import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import * as Y from 'yjs';
import { authorRuns } from '../../shared/cell/authorRuns.ts';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { isColour } from '../../shared/identity/palette.ts';
import { refreshOnDocUpdate } from './refreshOnDocUpdate.ts';
import { editorPositionOf, textStart, yBinding } from './yBinding.ts';

/** Who is shown how: a palette colour and a name per author key, or undefined (not shown). */
export type AuthorLook = (
  author: string,
) => { readonly colour: string; readonly name: string } | undefined;

interface AuthorshipState {
  readonly look: AuthorLook | null;
  readonly decorations: DecorationSet;
}

const key = new PluginKey<AuthorshipState>('authorshipColours');
const MAX_DEPTH = 64;

function texts(fragment: Y.XmlFragment): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child, depth + 1);
    }
  };
  walk(fragment, 0);
  return out;
}

function decorate(state: EditorState, authors: ClientAuthors, look: AuthorLook): DecorationSet {
  const binding = yBinding(state);
  if (!binding) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  const size = state.doc.content.size;
  for (const text of texts(binding.type)) {
    const base = editorPositionOf(binding, textStart(text));
    if (base === null) continue;
    let offset = 0;
    for (const run of authorRuns(text, authors)) {
      const shown = run.author === undefined ? undefined : look(run.author);
      const from = base + offset;
      offset += run.length;
      if (!shown || !isColour(shown.colour) || base + offset > size) continue;
      decorations.push(
        Decoration.inline(from, base + offset, {
          class: 'authored',
          style: `text-decoration-color: ${shown.colour}`,
          'data-author': shown.name,
        }),
      );
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Turns "who wrote what" on (with how to show each author) or off (null). */
export function showAuthorship(editor: Editor, look: AuthorLook | null): void {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(key, { look }));
}

/**
 * Underlines each stretch of text in the colour of the member who wrote it, from the verified
 * clientID -> author binding (`authors`), re-read after every change of the doc (deferred, so the
 * binding has caught up). Decorations only: nothing reaches the doc, an export or a print.
 */
export const AuthorshipColours = Extension.create<{
  readonly doc: Y.Doc | null;
  readonly authors: ClientAuthors | null;
}>({
  name: 'authorshipColours',
  addOptions: () => ({ doc: null, authors: null }),
  addProseMirrorPlugins() {
    const { doc, authors } = this.options;
    return [
      new Plugin<AuthorshipState>({
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
