import { hyphenate } from './hyphenate.ts';
import type { Block, Inline } from './IssueBlock.ts';
import { printTypography } from './printTypography.ts';
import type { IssueLanguage } from './typographicQuotes.ts';

function typesetInlines(
  inlines: readonly Inline[],
  lang: IssueLanguage,
  breakWords: boolean,
): Inline[] {
  const texts = printTypography(
    inlines.map((inline) => inline.text),
    lang,
  );
  return inlines.map((inline, index) => {
    const text = texts[index] ?? inline.text;
    return { ...inline, text: breakWords ? hyphenate(text, lang) : text };
  });
}

/**
 * A draft's blocks as they print: typography for the language in every text (printTypography,
 * never in a link's URL) and soft hyphens in body text (hyphenate); headings are not hyphenated.
 * The exported HTML and the in-app preview both set their text with this.
 */
export function typesetBlocks(blocks: readonly Block[], lang: IssueLanguage): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'heading':
        return { ...block, inlines: typesetInlines(block.inlines, lang, false) };
      case 'paragraph':
        return { ...block, inlines: typesetInlines(block.inlines, lang, true) };
      case 'blockquote':
        return { ...block, blocks: typesetBlocks(block.blocks, lang) };
      case 'bulletList':
      case 'orderedList':
        return { ...block, items: block.items.map((item) => typesetBlocks(item, lang)) };
      case 'rule':
        return block;
      case 'image':
        // The caption prints; the alt text is read aloud, so it keeps its own characters.
        return { ...block, caption: typesetLine(block.caption, lang) };
    }
  });
}

/** One line of print (a title, a headline, a tagline): typography, no hyphenation. */
export const typesetLine = (text: string, lang: IssueLanguage): string =>
  printTypography([text], lang)[0] ?? text;
