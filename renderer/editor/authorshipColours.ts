import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { authorRuns } from '../../shared/cell/authorRuns.ts';
import { fragmentTexts } from '../../shared/cell/fragmentTexts.ts';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { isColour } from '../../shared/identity/palette.ts';
import { lookDecorations, type AuthorLook } from './lookDecorations.ts';
import { editorPositionOf, textStart, yBinding } from './yBinding.ts';

export type { AuthorLook } from './lookDecorations.ts';

function decorate(state: EditorState, authors: ClientAuthors, look: AuthorLook): DecorationSet {
  const binding = yBinding(state);
  if (!binding) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  const size = state.doc.content.size;
  for (const text of fragmentTexts(binding.type)) {
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

const authorship = lookDecorations('authorshipColours', decorate);

/**
 * Underlines each stretch of text in the colour of the member who wrote it, from the verified
 * clientID -> author binding (`authors`).
 */
export const AuthorshipColours = authorship.extension;

/** Turns "who wrote what" on (with how to show each author) or off (null). */
export const showAuthorship = authorship.show;
