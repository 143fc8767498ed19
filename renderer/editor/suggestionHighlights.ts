import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { findSuggestions } from '../../shared/cell/findSuggestions.ts';
import { isColour } from '../../shared/identity/palette.ts';
import type { AuthorLook } from './authorshipColours.ts';
import { refreshOnDocUpdate } from './refreshOnDocUpdate.ts';
import { editorPositionOf, textStart, yBinding } from './yBinding.ts';

interface HighlightState {
  readonly look: AuthorLook | null;
  readonly decorations: DecorationSet;
}

const key = new PluginKey<HighlightState>('suggestionHighlights');
/** A suggester nobody can name (a writer the sync engine does not know): neutral grey. */
const UNKNOWN = '#767676';

function decorate(state: EditorState, authors: ClientAuthors, look: AuthorLook): DecorationSet {
  const binding = yBinding(state);
  if (!binding) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  const size = state.doc.content.size;
  const starts = new Map<Y.XmlText, number | null>();
  for (const suggestion of findSuggestions(binding.type, authors)) {
    const shown = suggestion.author === undefined ? undefined : look(suggestion.author);
    const colour = shown && isColour(shown.colour) ? shown.colour : UNKNOWN;
    for (const range of suggestion.ranges) {
      if (!starts.has(range.text))
        starts.set(range.text, editorPositionOf(binding, textStart(range.text)));
      const base = starts.get(range.text);
      if (base === null || base === undefined) continue;
      const from = base + range.index;
      const to = from + range.length;
      if (to > size) continue;
      decorations.push(
        Decoration.inline(from, to, {
          class: `suggestion suggestion--${suggestion.kind}`,
          style: `--suggester: ${colour}`,
          'data-suggester': shown?.name ?? '',
        }),
      );
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Shows open suggestions (with how to show each suggester), or hides them (null). */
export function showSuggestions(editor: Editor, look: AuthorLook | null): void {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(key, { look }));
}

/**
 * Colours each open suggestion by its verified suggester (findSuggestions: the writer of the Yjs
 * items, never the mark's attributes): insertions underlined, deletions struck through, in the
 * suggester's colour; re-read after every change of the doc. Decorations only: nothing reaches
 * the doc, an export or a print.
 */
export const SuggestionHighlights = Extension.create<{
  readonly doc: Y.Doc | null;
  readonly authors: ClientAuthors | null;
}>({
  name: 'suggestionHighlights',
  addOptions: () => ({ doc: null, authors: null }),
  addProseMirrorPlugins() {
    const { doc, authors } = this.options;
    return [
      new Plugin<HighlightState>({
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
