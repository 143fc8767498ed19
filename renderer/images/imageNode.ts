import { Node } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import type { ImageAttrs } from '../../shared/images/readImageAttrs.ts';
import { ImageView } from './ImageView.tsx';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    draftImage: {
      /** Inserts an image node naming an image document already written (ImageInsertDialog). */
      insertDraftImage: (attrs: ImageAttrs) => ReturnType;
    };
  }
}

/**
 * An image in a draft: a block atom whose attributes name its image document (id), its alt text
 * (or decorative), caption and size. The bytes never enter the draft. Nothing parses into it from
 * HTML: pasted or dropped HTML cannot create an image (sanitizePastedHtml drops <img>); only the
 * insert dialog does, after sanitising.
 */
export const DraftImage = Node.create({
  name: 'draftImage',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes: () => ({
    id: { default: '' },
    alt: { default: '' },
    caption: { default: '' },
    decorative: { default: false },
    width: { default: 1 },
    height: { default: 1 },
  }),
  parseHTML: () => [],
  renderHTML: ({ node }) => [
    'figure',
    { 'data-draft-image': String(node.attrs['id']) },
    ['figcaption', String(node.attrs['caption'])],
  ],
  addCommands: () => ({
    insertDraftImage:
      (attrs) =>
      ({ state, commands }) => {
        const content = { type: 'draftImage', attrs: { ...attrs } };
        // After a selected image (the one just inserted), not over it.
        return state.selection instanceof NodeSelection
          ? commands.insertContentAt(state.selection.to, content)
          : commands.insertContent(content);
      },
  }),
  addNodeView: () => ReactNodeViewRenderer(ImageView),
});
