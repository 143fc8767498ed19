import * as Y from 'yjs';
import { MAX_BLOCK_DEPTH, type Block, type Inline } from './IssueBlock.ts';
import { isAllowedLinkHref } from '../cell/isAllowedLinkHref.ts';
import { normalizeInlines } from './normalizeInlines.ts';

type Content = Y.XmlElement | Y.XmlText;

/**
 * ProseMirror's numeric attrs (heading level, list start) must stay numbers in the doc, as
 * y-prosemirror writes them; yjs types element attributes as strings by default.
 */
const setNumber = (node: Y.XmlElement, key: string, value: number): void =>
  (node as Y.XmlElement<{ [key: string]: string | number }>).setAttribute(key, value);

/**
 * Format attributes as y-prosemirror writes marks (`mark.attrs` under the mark's name): bold and
 * italic have no attributes, so `{}`; the editor's link has only `href`.
 */
function attributes(inline: Inline): Record<string, object> {
  const attrs: Record<string, object> = {};
  if (inline.bold) attrs['bold'] = {};
  if (inline.italic) attrs['italic'] = {};
  if (inline.href !== undefined && isAllowedLinkHref(inline.href))
    attrs['link'] = { href: inline.href };
  return attrs;
}

/**
 * A textblock's children: runs of text in one Y.XmlText, each '\n' a hardBreak element between
 * them, as y-prosemirror groups a ProseMirror node's inline content.
 */
function inlineContent(inlines: readonly Inline[]): Content[] {
  const content: Content[] = [];
  let delta: { insert: string; attributes: Record<string, object> }[] = [];
  const flush = (): void => {
    if (delta.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(delta);
    content.push(text);
    delta = [];
  };
  for (const inline of normalizeInlines(inlines)) {
    inline.text.split('\n').forEach((part, index) => {
      if (index > 0) {
        flush();
        content.push(new Y.XmlElement('hardBreak'));
      }
      if (part !== '') delta.push({ insert: part, attributes: attributes(inline) });
    });
  }
  flush();
  return content;
}

function element(name: string, children: Content[]): Y.XmlElement {
  const node = new Y.XmlElement(name);
  if (children.length > 0) node.insert(0, children);
  return node;
}

const emptyParagraph = (): Y.XmlElement => element('paragraph', []);

function blockNode(block: Block, depth: number): Y.XmlElement | undefined {
  switch (block.type) {
    case 'paragraph':
      return element('paragraph', inlineContent(block.inlines));
    case 'heading': {
      const heading = element('heading', inlineContent(block.inlines));
      setNumber(heading, 'level', block.level);
      return heading;
    }
    case 'rule':
      return element('horizontalRule', []);
    case 'image':
      // An image block carries no pixels (nothing that is imported does): nothing to write.
      return undefined;
    case 'blockquote': {
      const children = blockNodes(block.blocks, depth + 1);
      // The schema's blockquote holds `block+`.
      return element('blockquote', children.length > 0 ? children : [emptyParagraph()]);
    }
    case 'bulletList':
    case 'orderedList': {
      if (depth >= MAX_BLOCK_DEPTH || block.items.length === 0) return undefined;
      const items = block.items.map((item) => {
        const children = blockNodes(item, depth + 1);
        // A list item is `paragraph block*`: it must start with a paragraph.
        if (children[0]?.nodeName !== 'paragraph') children.unshift(emptyParagraph());
        return element('listItem', children);
      });
      const list = element(block.type, items);
      if (block.type === 'orderedList') setNumber(list, 'start', 1);
      return list;
    }
  }
}

function blockNodes(blocks: readonly Block[], depth: number): Y.XmlElement[] {
  if (depth > MAX_BLOCK_DEPTH) return [];
  return blocks.flatMap((block) => blockNode(block, depth) ?? []);
}

/**
 * Writes blocks into a draft body in the exact shape TipTap's collaboration binding reads (its
 * element names, attributes and mark attributes), in one transaction, after what is there
 * (a new draft's body is empty). Links that are not http(s) are written as plain text.
 */
export function writeBlocks(fragment: Y.XmlFragment, blocks: Block[]): void {
  const nodes = blockNodes(blocks, 0);
  if (nodes.length === 0) return;
  const write = (): void => fragment.insert(fragment.length, nodes);
  if (fragment.doc) fragment.doc.transact(write);
  else write();
}
