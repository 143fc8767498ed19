import type { Block } from './IssueBlock.ts';
import { inlinesToMarkdown } from './inlinesToMarkdown.ts';

const indent = (text: string, first: string, rest: string): string =>
  text
    .split('\n')
    .map((line, index) => (line === '' ? '' : (index === 0 ? first : rest) + line))
    .join('\n');

/**
 * `alternate`: the previous sibling was a list of the same kind, which Markdown would merge with
 * this one unless its marker differs ('*' for '-', ')' for '.').
 */
function blockToMarkdown(block: Block, alternate: boolean, headingOffset: number): string {
  switch (block.type) {
    case 'heading': {
      const hashes = '#'.repeat(Math.min(6, block.level + headingOffset));
      // A trailing run of '#' after a space would be read as the heading's closing sequence.
      const text = inlinesToMarkdown(block.inlines)
        .replace(/\\\n/g, ' ')
        .replace(/(^|\s)(#+)$/, '$1\\$2');
      return `${hashes} ${text}`;
    }
    case 'paragraph':
      return inlinesToMarkdown(block.inlines);
    case 'rule':
      return '---';
    case 'image':
      // Markdown has no place for the pixels: the alt text in brackets, the caption in italics.
      return [
        block.alt === '' ? '' : inlinesToMarkdown([{ text: `[${block.alt}]` }]),
        block.caption === '' ? '' : inlinesToMarkdown([{ text: block.caption, italic: true }]),
      ]
        .filter((part) => part !== '')
        .join('\n\n');
    case 'blockquote':
      return blocksToMarkdown(block.blocks, { headingOffset })
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'bulletList':
    case 'orderedList':
      return block.items
        .map((item, index) => {
          const marker =
            block.type === 'bulletList'
              ? alternate
                ? '* '
                : '- '
              : `${index + 1}${alternate ? ')' : '.'} `;
          const body = blocksToMarkdown(item, { headingOffset });
          // An empty item still needs its marker.
          return body === '' ? marker.trimEnd() : indent(body, marker, ' '.repeat(marker.length));
        })
        .join('\n');
  }
}

/**
 * Blocks as CommonMark, one blank line between blocks. Text is escaped so that it reads back as
 * the same text; headings cannot hold line breaks in Markdown, so theirs become spaces.
 * `headingOffset` moves headings down (a draft's headings below its title in an issue).
 */
export function blocksToMarkdown(
  blocks: readonly Block[],
  options: { readonly headingOffset?: number } = {},
): string {
  const headingOffset = Math.max(0, Math.min(3, Math.trunc(options.headingOffset ?? 0)));
  const parts: string[] = [];
  let previous: { type: Block['type']; alternate: boolean } | undefined;
  for (const block of blocks) {
    const alternate = previous?.type === block.type && !previous.alternate;
    const text = blockToMarkdown(block, alternate, headingOffset);
    if (text === '') continue;
    parts.push(text);
    previous = { type: block.type, alternate };
  }
  return parts.join('\n\n');
}
