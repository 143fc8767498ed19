import { blocksToHtml } from './blocksToHtml.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { ExportDraft } from './ExportDraft.ts';
import type { ExportImages } from './ExportImage.ts';
import { issueCss } from './issueCss.ts';
import type { NewsletterIssue } from './NewsletterIssue.ts';
import { typesetBlocks, typesetLine } from './typesetBlocks.ts';
import type { IssueLanguage } from './typographicQuotes.ts';

/**
 * Only @font-face rules whose every url() is a data: URL are let in: the document must load
 * nothing (image-set(), a background, @import are not font faces), and the caller's CSS must not
 * be able to close the <style> element.
 */
export function isSelfContainedFontCss(css: string): boolean {
  if (/<|@import|\\/i.test(css)) return false;
  if (css.replace(/@font-face\s*\{[^{}]*\}/g, '').trim() !== '') return false;
  const urls = css.match(/url\(\s*['"]?[^'")\s]*/gi) ?? [];
  return urls.every((url) => /^url\(\s*['"]?data:font\/[a-z0-9.+-]+;base64,/i.test(url));
}

const typeset = (text: string, lang: IssueLanguage): string => escapeHtml(typesetLine(text, lang));

function formatDate(date: string, lang: IssueLanguage): string {
  const [year, month, day] = date.split('-').map(Number);
  const at = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1);
  // In UTC: the chosen day never shifts with the machine's time zone.
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

const NUMBER_LABEL: Record<IssueLanguage, (number: string) => string> = {
  en: (number) => `No.\u00a0${number}`,
  ru: (number) => `№\u00a0${number}`,
  uk: (number) => `№\u00a0${number}`,
};

/**
 * An issue as one self-contained HTML document for print and for sharing: no script, no link,
 * nothing fetched (the typeface comes in `fontCss` as data: URLs, and anything else there is
 * dropped; each image is a data:image/png URL of the bytes in `images`, which the app re-encoded
 * from decoded pixels; an image not there prints its alt text), a CSP that forbids loading
 * anything but data: fonts and images, and the text set for the language
 * (typesetBlocks: quotes, dashes, non-breaking spaces, soft hyphens). The title is the masthead title; there is no generator,
 * author, cell or time of export anywhere in it.
 */
export function renderIssueHtml(input: {
  readonly issue: NewsletterIssue;
  readonly drafts: readonly ExportDraft[];
  readonly lang: IssueLanguage;
  readonly fontCss: string;
  readonly images?: ExportImages;
}): string {
  const { issue, drafts, fontCss, images } = input;
  const lang: IssueLanguage = Object.hasOwn(NUMBER_LABEL, input.lang) ? input.lang : 'en';
  const { title, issueNumber, date, tagline } = issue.masthead;
  const meta = [issueNumber === '' ? '' : NUMBER_LABEL[lang](issueNumber), formatDate(date, lang)]
    .filter(Boolean)
    .map((part) => escapeHtml(part))
    .join(' · ');
  const masthead = [
    `<h1 class="issue-masthead__title">${typeset(title, lang)}</h1>`,
    `<p class="issue-masthead__meta">${meta}</p>`,
    tagline === '' ? '' : `<p class="issue-masthead__tagline">${typeset(tagline, lang)}</p>`,
  ].join('');
  const articles = drafts
    .map(
      (draft) =>
        `<article class="issue-draft"><h2 class="issue-draft-title">${typeset(draft.title, lang)}</h2>\n` +
        `${blocksToHtml(typesetBlocks(draft.blocks, lang), { headingOffset: 2, images })}</article>`,
    )
    .join('\n');
  const fonts = isSelfContainedFontCss(fontCss) ? fontCss : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(title)}</title>
<style>
${fonts}
${issueCss(issue.layout)}
</style>
</head>
<body class="issue issue--${issue.layout}">
<header class="issue-masthead">${masthead}</header>
<main class="issue-body">
${articles}
</main>
</body>
</html>
`;
}
