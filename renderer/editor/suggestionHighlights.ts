import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { findSuggestions } from '../../shared/cell/findSuggestions.ts';
import { isColour } from '../../shared/identity/palette.ts';
import { lookDecorations, type AuthorLook } from './lookDecorations.ts';
import { editorPositionOf, textStart, yBinding } from './yBinding.ts';

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

const highlights = lookDecorations('suggestionHighlights', decorate);

/**
 * Colours each open suggestion by its verified suggester (findSuggestions: the writer of the Yjs
 * items, never the mark's attributes): insertions underlined, deletions struck through, in the
 * suggester's colour.
 */
export const SuggestionHighlights = highlights.extension;

/** Shows open suggestions (with how to show each suggester), or hides them (null). */
export const showSuggestions = highlights.show;
