/**
 * A draft's content as the exports see it, independent of ProseMirror: what the editor's schema
 * can hold (headings 1-3, paragraphs, lists, quotes, rules, images; bold, italic, links) and
 * nothing else. '\n' inside an inline's text is a line break within its block.
 */
export interface Inline {
  readonly text: string;
  readonly bold?: true;
  readonly italic?: true;
  /** An absolute http(s) URL (isAllowedLinkHref); anything else is never kept as a link. */
  readonly href?: string;
}

export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly inlines: Inline[] }
  | { readonly type: 'paragraph'; readonly inlines: Inline[] }
  | { readonly type: 'bulletList' | 'orderedList'; readonly items: Block[][] }
  | { readonly type: 'blockquote'; readonly blocks: Block[] }
  | { readonly type: 'rule' }
  | ImageBlock;

/**
 * An image of the draft: the id of its image document (the pixels live there, never here), its
 * alt text ('' when decorative), caption and size in pixels, as readImageAttrs validated them.
 */
export interface ImageBlock {
  readonly type: 'image';
  readonly id: string;
  readonly alt: string;
  readonly caption: string;
  readonly width: number;
  readonly height: number;
}

/** Deeper nesting than any real document; deeper content from a peer or a file is dropped. */
export const MAX_BLOCK_DEPTH = 32;
