import type { EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import * as Y from 'yjs';
import { authorRuns } from '../../shared/cell/authorRuns.ts';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { isColour } from '../../shared/identity/palette.ts';
import { lookDecorations, type AuthorLook } from './lookDecorations.ts';
import { editorPositionOf, textStart, yBinding } from './yBinding.ts';

export type { AuthorLook } from './lookDecorations.ts';

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

const authorship = lookDecorations('authorshipColours', decorate);

/**
 * Underlines each stretch of text in the colour of the member who wrote it, from the verified
 * clientID -> author binding (`authors`).
 */
export const AuthorshipColours = authorship.extension;

/** Turns "who wrote what" on (with how to show each author) or off (null). */
export const showAuthorship = authorship.show;
