import { toBase64 } from 'lib0/buffer';
import type { ExportImage, ExportImages } from './ExportImage.ts';
import type { Block, ImageBlock, Inline } from './IssueBlock.ts';
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

const isSide = (value: number): boolean =>
  Number.isInteger(value) && value >= 1 && value <= 100_000;

/** A PNG signature: a data: URL is only ever made of bytes that start as a PNG does. */
const isPng = (bytes: Uint8Array): boolean =>
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);

/**
 * The picture: a data: URL of the re-encoded PNG, its pixel size, and an inline width that fits
 * the column, never more than its pixels, and keeps its height under --issue-image-max-height
 * (set per layout in issueCss and per page in the preview), so that it never needs splitting.
 */
function pictureHtml(block: ImageBlock, image: ExportImage | undefined): string {
  if (
    !image ||
    image.mime !== 'image/png' ||
    !isPng(image.bytes) ||
    !isSide(image.width) ||
    !isSide(image.height)
  ) {
    // Not there (never arrived, refused, or could not be decoded): its alt text in a frame.
    return `<div class="issue-image__missing">${text(block.alt)}</div>`;
  }
  const ratio = (image.width / image.height).toFixed(4);
  const width = `min(100%, ${image.width}px, calc(var(--issue-image-max-height) * ${ratio}))`;
  return (
    `<img src="data:image/png;base64,${toBase64(image.bytes)}" alt="${escapeHtml(block.alt)}" ` +
    `width="${image.width}" height="${image.height}" style="width: ${width}">`
  );
}

function imageToHtml(block: ImageBlock, images: ExportImages | undefined): string {
  const caption = block.caption === '' ? '' : `<figcaption>${text(block.caption)}</figcaption>`;
  return `<figure class="issue-image">${pictureHtml(block, images?.get(block.id))}${caption}</figure>`;
}

function blockToHtml(block: Block, headingOffset: number, images?: ExportImages): string {
  switch (block.type) {
    case 'heading': {
      const tag = `h${Math.min(6, block.level + headingOffset)}`;
      return `<${tag}>${inlinesToHtml(block.inlines)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${inlinesToHtml(block.inlines)}</p>`;
    case 'rule':
      return '<hr>';
    case 'image':
      return imageToHtml(block, images);
    case 'blockquote':
      return `<blockquote>${blocksToHtml(block.blocks, { headingOffset, images })}</blockquote>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = block.type === 'bulletList' ? 'ul' : 'ol';
      const items = block.items
        .map((item) => `<li>${blocksToHtml(item, { headingOffset, images })}</li>`)
        .join('');
      return `<${tag}>${items}</${tag}>`;
    }
  }
}

/**
 * Blocks as an HTML fragment (h1-h3, p, ul/ol/li, blockquote, hr, strong, em, br, figure with
 * img and figcaption) with every piece of text escaped. The only attributes are an image's: a
 * data:image/png URL of bytes from `images` (re-encoded by the app, never a peer's bytes), its
 * escaped alt text, its pixel size and a computed width; the class of a figure. Nothing a draft
 * holds can become a script, a link or a request. Used by the preview and by renderIssueHtml,
 * which moves a draft's headings below the draft's title (`headingOffset`, levels capped at h6).
 * An image missing from `images` prints its alt text in a frame, and its caption.
 */
export function blocksToHtml(
  blocks: readonly Block[],
  options: { readonly headingOffset?: number; readonly images?: ExportImages } = {},
): string {
  const offset = Math.max(0, Math.min(3, Math.trunc(options.headingOffset ?? 0)));
  return blocks.map((block) => blockToHtml(block, offset, options.images)).join('\n');
}
