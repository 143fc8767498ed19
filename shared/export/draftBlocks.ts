import * as Y from 'yjs';
import { MAX_BLOCK_DEPTH, type Block, type Inline } from './IssueBlock.ts';
import { isAllowedLinkHref } from '../cell/isAllowedLinkHref.ts';
import { makeInline, normalizeInlines } from './normalizeInlines.ts';
import { readImageAttrs } from '../images/readImageAttrs.ts';
import { isSuggestedInsertion } from '../cell/originalText.ts';

/** A mark's name as y-prosemirror stores it: `name`, or `name--hash` for overlapping marks. */
const markName = (key: string): string => key.split('--')[0] ?? key;

function linkHref(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const href = (value as { href?: unknown }).href;
  return isAllowedLinkHref(href) ? href : undefined;
}

/**
 * Text runs of a Y.XmlText: format attributes (bold/italic {} and link {href}) become marks.
 * Open suggestions print as the text stands before anyone decides: suggested insertions left
 * out, suggested deletions kept, and neither mark (nor any colour) reaches an Inline.
 */
function textInlines(text: Y.XmlText): Inline[] {
  const inlines: Inline[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || isSuggestedInsertion(op.attributes)) continue;
    const marks: { bold?: boolean; italic?: boolean; href?: string } = {};
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      if (value === null || value === undefined || value === false) continue;
      const name = markName(key);
      if (name === 'bold') marks.bold = true;
      else if (name === 'italic') marks.italic = true;
      else if (name === 'link') {
        const href = linkHref(value);
        if (href !== undefined) marks.href = href;
      }
    }
    inlines.push(makeInline(op.insert, marks));
  }
  return inlines;
}

/** The inline content of a textblock; a hardBreak is '\n', other inline nodes are left out. */
function inlinesOf(element: Y.XmlElement): Inline[] {
  const inlines: Inline[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) inlines.push(...textInlines(child));
    else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      inlines.push({ text: '\n' });
    }
  }
  return normalizeInlines(inlines);
}

function headingLevel(value: unknown): 1 | 2 | 3 {
  const level = typeof value === 'string' ? Number(value) : value;
  return level === 1 || level === 2 ? level : 3;
}

function itemBlocks(element: Y.XmlElement, depth: number): Block[][] {
  const items: Block[][] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlElement) {
      items.push(
        child.nodeName === 'listItem' ? blocksOf(child, depth + 1) : blockOf(child, depth),
      );
    }
  }
  return items.filter((item) => item.length > 0);
}

/** One element as blocks (usually one); unknown wrappers give their children's blocks. */
function blockOf(element: Y.XmlElement, depth: number): Block[] {
  if (depth > MAX_BLOCK_DEPTH) return [];
  switch (element.nodeName) {
    case 'paragraph':
    case 'codeBlock':
      return [{ type: 'paragraph', inlines: inlinesOf(element) }];
    case 'heading':
      return [
        {
          type: 'heading',
          level: headingLevel(element.getAttribute('level')),
          inlines: inlinesOf(element),
        },
      ];
    case 'horizontalRule':
      return [{ type: 'rule' }];
    case 'draftImage': {
      // Validated as the editor's view does: a node that names no image document is dropped.
      const attrs = readImageAttrs(element.getAttributes());
      if (!attrs) return [];
      const { id, alt, caption, decorative, width, height } = attrs;
      return [{ type: 'image', id, alt: decorative ? '' : alt, caption, width, height }];
    }
    case 'bulletList':
    case 'orderedList': {
      const items = itemBlocks(element, depth);
      return items.length > 0 ? [{ type: element.nodeName, items }] : [];
    }
    case 'blockquote': {
      const blocks = blocksOf(element, depth + 1);
      return blocks.length > 0 ? [{ type: 'blockquote', blocks }] : [];
    }
    default: {
      const holdsText = element.toArray().some((child) => child instanceof Y.XmlText);
      return holdsText
        ? [{ type: 'paragraph', inlines: inlinesOf(element) }]
        : blocksOf(element, depth + 1);
    }
  }
}

function blocksOf(node: Y.XmlElement | Y.XmlFragment, depth: number): Block[] {
  if (depth > MAX_BLOCK_DEPTH) return [];
  const blocks: Block[] = [];
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement) blocks.push(...blockOf(child, depth));
    else if (child instanceof Y.XmlText) {
      blocks.push({ type: 'paragraph', inlines: normalizeInlines(textInlines(child)) });
    }
  }
  return blocks;
}

/**
 * A draft body (a Y.XmlFragment as y-prosemirror stores TipTap's document) as blocks. Marks and
 * nodes the exports do not print (strike, code, underline...) keep their text only; code blocks
 * become paragraphs; an image node becomes an image block when its attributes pass
 * readImageAttrs and is dropped otherwise. Never throws on a peer's odd shapes.
 */
export const draftBlocks = (fragment: Y.XmlFragment): Block[] => blocksOf(fragment, 0);
