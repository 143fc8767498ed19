import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { StarterKit } from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { AuthorshipColours } from './authorshipColours.ts';
import { CommentHighlights } from './commentHighlights.ts';
import { DraftImage } from '../images/imageNode.ts';
import { DepthLimit } from './depthLimit.ts';
import { NoLinkNavigation } from './noLinkNavigation.ts';
import { renderCaret, renderSelection } from './renderCaret.ts';
import { SafeLink } from './safeLink.ts';
import { SizeLimit } from './sizeLimit.ts';
import { SuggestionHighlights } from './suggestionHighlights.ts';
import { SuggestDelete, SuggestInsert } from './suggestionMarkTypes.ts';
import { SuggestMode } from './suggestMode.ts';

/**
 * The editor schema and behaviour of a draft: StarterKit (headings 1-3, marks, lists, quote,
 * rule, images naming their own image documents) with its own undo replaced by Yjs undo (only this member's edits are undone), the safe
 * link mark, live carets when an awareness is given, no link navigation, and no nesting deeper
 * or paste larger than peers accept (depthLimit.ts, sizeLimit.ts; `onTooLarge` tells the member),
 * and marks on commented text when asked; suggestion marks always (the schema), their colours by
 * verified suggester with `authors`, and suggestion mode when asked.
 */
export function editorExtensions(options: {
  readonly fragment: Y.XmlFragment;
  readonly awareness?: Awareness;
  readonly user?: { readonly name: string; readonly color: string };
  readonly onTooLarge?: () => void;
  /** Mark commented text (markThreads): the live draft, not a version's copy. */
  readonly comments?: boolean;
  /** Verified authors of the draft's clientIDs: "who wrote what" (showAuthorship) when given. */
  readonly authors?: ClientAuthors;
  /** Offer suggestion mode (setSuggesting): the live draft. */
  readonly suggest?: boolean;
}): Extensions {
  const extensions: Extensions = [
    StarterKit.configure({
      undoRedo: false,
      // Would write a paragraph into the shared doc just by opening it.
      trailingNode: false,
      link: false,
      heading: { levels: [1, 2, 3] },
    }),
    SafeLink,
    // In every editor's schema (versions too): y-prosemirror drops text whose marks it cannot place.
    SuggestInsert,
    SuggestDelete,
    // Always in the schema, editable or not: y-prosemirror deletes elements it cannot place.
    DraftImage,
    Collaboration.configure({ fragment: options.fragment }),
    NoLinkNavigation,
    DepthLimit,
    SizeLimit.configure(options.onTooLarge ? { onRefused: options.onTooLarge } : {}),
  ];
  if (options.comments) extensions.push(CommentHighlights.configure({ doc: options.fragment.doc }));
  if (options.authors) {
    const { authors } = options;
    extensions.push(AuthorshipColours.configure({ doc: options.fragment.doc, authors }));
    extensions.push(SuggestionHighlights.configure({ doc: options.fragment.doc, authors }));
  }
  if (options.suggest) extensions.push(SuggestMode);
  if (options.awareness) {
    extensions.push(
      CollaborationCaret.configure({
        provider: { awareness: options.awareness },
        user: options.user ?? {},
        render: renderCaret,
        selectionRender: renderSelection,
      }),
    );
  }
  return extensions;
}
