import MarkdownIt, { type Token } from 'markdown-it';
import { err, ok, type Result } from '../util/result.ts';
import { MAX_BLOCK_DEPTH, type Block, type Inline } from './IssueBlock.ts';
import { isAllowedLinkHref } from '../cell/isAllowedLinkHref.ts';
import { makeInline, normalizeInlines } from './normalizeInlines.ts';

/** Checked before parsing: far above any newsletter article, far below what hurts the parser. */
export const MARKDOWN_MAX_CHARS = 1_000_000;

// CommonMark only (no tables, no strikethrough), raw HTML off: `<script>` stays text, and
// markdown-it's own link check already refuses javascript:, vbscript:, file: and data:.
const parser = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
// At this depth markdown-it stops parsing and silently drops the rest of the file, so a file
// that reaches it is refused rather than imported in part.
parser.set({ maxNesting: MAX_BLOCK_DEPTH });
// Keep a link target as written (markdown-it would punycode the host and percent-encode the
// path): a draft stores what its writer typed, and isAllowedLinkHref still decides what is a link.
parser.normalizeLink = (url: string): string => url;

export type MarkdownImportError = 'too-large' | 'too-deep' | 'empty';

function inlinesOf(children: readonly Token[]): Inline[] {
  const inlines: Inline[] = [];
  let bold = 0;
  let italic = 0;
  const links: (string | undefined)[] = [];
  const push = (text: string): void => {
    const href = links[links.length - 1];
    inlines.push(makeInline(text, { bold: bold > 0, italic: italic > 0, href }));
  };
  for (const token of children) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        push(token.content);
        break;
      case 'image':
        // Images are not part of a draft: keep their alt text.
        push(token.children ? plainText(token.children) : token.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold = Math.max(0, bold - 1);
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic = Math.max(0, italic - 1);
        break;
      case 'link_open': {
        const href = token.attrGet('href');
        links.push(isAllowedLinkHref(href) ? href : undefined);
        break;
      }
      case 'link_close':
        links.pop();
        break;
      default:
        break;
    }
  }
  return normalizeInlines(inlines);
}

const plainText = (children: readonly Token[]): string =>
  inlinesOf(children)
    .map((inline) => inline.text)
    .join('');

/** Reads blocks from `tokens[start]` until the closing token `until` (or the end). */
function readBlocks(tokens: readonly Token[], start: number, until?: string): [Block[], number] {
  const blocks: Block[] = [];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    if (token.type === until) return [blocks, i + 1];
    switch (token.type) {
      case 'heading_open':
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const inlines = inline?.type === 'inline' ? inlinesOf(inline.children ?? []) : [];
        const level = Math.min(3, Number(token.tag.slice(1)) || 1) as 1 | 2 | 3;
        blocks.push(
          token.type === 'heading_open'
            ? { type: 'heading', level, inlines }
            : { type: 'paragraph', inlines },
        );
        i += 3;
        break;
      }
      case 'code_block':
      case 'fence':
        blocks.push({
          type: 'paragraph',
          inlines: normalizeInlines([{ text: token.content.replace(/\n$/, '') }]),
        });
        i++;
        break;
      case 'hr':
        blocks.push({ type: 'rule' });
        i++;
        break;
      case 'blockquote_open': {
        const [inner, next] = readBlocks(tokens, i + 1, 'blockquote_close');
        blocks.push({ type: 'blockquote', blocks: inner });
        i = next;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close =
          token.type === 'bullet_list_open' ? 'bullet_list_close' : 'ordered_list_close';
        const items: Block[][] = [];
        i++;
        while (i < tokens.length && tokens[i]?.type !== close) {
          if (tokens[i]?.type === 'list_item_open') {
            const [item, next] = readBlocks(tokens, i + 1, 'list_item_close');
            items.push(item);
            i = next;
          } else i++;
        }
        const type = token.type === 'bullet_list_open' ? 'bulletList' : 'orderedList';
        blocks.push({ type, items });
        i++;
        break;
      }
      default:
        i++;
        break;
    }
  }
  return [blocks, i];
}

const hasText = (blocks: readonly Block[]): boolean =>
  blocks.some((block) => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        return block.inlines.some((inline) => inline.text.trim() !== '');
      case 'rule':
      case 'image':
        return false;
      case 'blockquote':
        return hasText(block.blocks);
      case 'bulletList':
      case 'orderedList':
        return block.items.some(hasText);
    }
  });

/**
 * Markdown (a file chosen for import into a new draft) as blocks. Only what the editor can hold
 * is kept: raw HTML is text, links that are not http(s) keep only their label, images their alt
 * text, code is plain text, headings 4-6 become level 3. Refuses oversized, too deeply nested
 * or empty input.
 */
export function markdownToBlocks(md: string): Result<Block[], MarkdownImportError> {
  if (md.length > MARKDOWN_MAX_CHARS) return err('too-large');
  const tokens = parser.parse(md.replace(/^\uFEFF/, ''), {});
  if (tokens.some((token) => token.level >= MAX_BLOCK_DEPTH - 1)) return err('too-deep');
  const [blocks] = readBlocks(tokens, 0);
  return hasText(blocks) ? ok(blocks) : err('empty');
}
