import type { Block, Inline } from './IssueBlock.ts';
import { escapeHtml } from './escapeHtml.ts';
import { normalizeInlines } from './normalizeInlines.ts';

const text = (value: string): string => escapeHtml(value).replace(/\n/g, '<br>');

/**
 * Inlines as HTML. Print is paper: a link is its label followed by the URL as visible text in
 * parentheses (only the URL when the label is the URL), never an <a href>.
 */
function inlinesToHtml(inlines: readonly Inline[]): string {
  const runs = normalizeInlines(inlines);
  let html = '';
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    if (!run) continue;
    let piece = text(run.text);
    if (run.italic) piece = `<em>${piece}</em>`;
    if (run.bold) piece = `<strong>${piece}</strong>`;
    html += piece;
    // The URL goes after the last run of the link (a link may span bold and plain runs).
    const href = run.href;
    if (href !== undefined && runs[i + 1]?.href !== href) {
      let start = i;
      while (start > 0 && runs[start - 1]?.href === href) start--;
      const label = runs
        .slice(start, i + 1)
        .map((part) => part.text)
        .join('');
      if (label.trim() !== href) html += ` (${text(href)})`;
    }
  }
  return html;
}

function blockToHtml(block: Block, headingOffset: number): string {
  switch (block.type) {
    case 'heading': {
      const tag = `h${Math.min(6, block.level + headingOffset)}`;
      return `<${tag}>${inlinesToHtml(block.inlines)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${inlinesToHtml(block.inlines)}</p>`;
    case 'rule':
      return '<hr>';
    case 'blockquote':
      return `<blockquote>${blocksToHtml(block.blocks, { headingOffset })}</blockquote>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = block.type === 'bulletList' ? 'ul' : 'ol';
      const items = block.items
        .map((item) => `<li>${blocksToHtml(item, { headingOffset })}</li>`)
        .join('');
      return `<${tag}>${items}</${tag}>`;
    }
  }
}

/**
 * Blocks as an HTML fragment (h1-h3, p, ul/ol/li, blockquote, hr, strong, em, br) with every
 * piece of text escaped and no attribute at all: nothing a draft holds can become a script, a
 * link or a request. Used by the preview and by renderIssueHtml, which moves a draft's headings
 * below the draft's title (`headingOffset`, levels capped at h6).
 */
export function blocksToHtml(
  blocks: readonly Block[],
  options: { readonly headingOffset?: number } = {},
): string {
  const offset = Math.max(0, Math.min(3, Math.trunc(options.headingOffset ?? 0)));
  return blocks.map((block) => blockToHtml(block, offset)).join('\n');
}
