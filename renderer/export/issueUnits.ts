import { blocksToHtml } from '../../shared/export/blocksToHtml.ts';
import type { ExportDraft } from '../../shared/export/ExportDraft.ts';
import type { ExportImages } from '../../shared/export/ExportImage.ts';
import type { Masthead } from '../../shared/export/NewsletterIssue.ts';
import { typesetBlocks, typesetLine } from '../../shared/export/typesetBlocks.ts';
import type { IssueLanguage } from '../../shared/export/typographicQuotes.ts';

/**
 * The top-level blocks of an issue in reading order, for the paginator: the masthead, then per
 * draft its title and each block of its body, set as the exported HTML sets them (typesetBlocks:
 * the same quotes, dashes and soft hyphens, so lines break alike). Text goes in through textContent, and the body
 * HTML (escaped by blocksToHtml) is parsed in an inert <template>, so nothing in a draft can
 * become markup or script; images are the re-encoded PNGs of `images` (exportImages), as data:
 * URLs, exactly as the exported file has them.
 */
export function issueUnits(
  doc: Document,
  masthead: Masthead,
  dateText: string,
  numberText: string | undefined,
  drafts: readonly ExportDraft[],
  lang: IssueLanguage,
  images?: ExportImages,
): Element[] {
  const el = (tag: string, className: string, text?: string): HTMLElement => {
    const node = doc.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const head = el('header', 'issue-masthead');
  head.append(el('p', 'issue-masthead__title', typesetLine(masthead.title, lang)));
  const meta = [numberText, dateText].filter((part) => part !== undefined).join(' · ');
  head.append(el('p', 'issue-masthead__meta', meta));
  if (masthead.tagline !== '')
    head.append(el('p', 'issue-masthead__tagline', typesetLine(masthead.tagline, lang)));
  const units: Element[] = [head];
  for (const [i, draft] of drafts.entries()) {
    units.push(
      el(
        'h2',
        i === 0 ? 'issue-draft-title' : 'issue-draft-title issue-draft-title--next',
        typesetLine(draft.title, lang),
      ),
    );
    const template = doc.createElement('template');
    // Draft headings sit below the draft title, as in the exported HTML (h3-h5).
    template.innerHTML = blocksToHtml(typesetBlocks(draft.blocks, lang), {
      headingOffset: 2,
      images,
    });
    units.push(...template.content.children);
  }
  return units;
}
