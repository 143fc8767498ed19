import type { ExportDraft } from '../../shared/export/ExportDraft.ts';
import type { IssueLanguage } from '../../shared/export/typographicQuotes.ts';
import { renderIssueHtml } from '../../shared/export/renderIssueHtml.ts';
import { fontCssFromPackage } from '../unit/export/chromiumIssue.ts';
import { columnGaps } from './exportSteps.ts';
import { expect, test } from './fixtures.ts';

/**
 * The A4 newspaper's two columns end level on every page, as Chromium prints the exported HTML
 * (the engine behind the desktop app's PDF): within a few lines (10.5 pt type, 1.4 leading),
 * for issues shaped to make balancing hard. No app and no pictures: the HTML export alone.
 */
const FEW_LINES = 3 * 10.5 * 1.4;

const paragraph = (text: string): ExportDraft['blocks'][number] => ({
  type: 'paragraph',
  inlines: [{ text }],
});
const heading = (text: string): ExportDraft['blocks'][number] => ({
  type: 'heading',
  level: 2,
  inlines: [{ text }],
});

const EN =
  'Neighbours from the three houses on the corner met in the reading room and talked about the yard, the broken porch and the contractor who never came.';
const RU =
  'Жильцы трёх домов на углу собрались в читальном зале и долго обсуждали двор, сломанное крыльцо и подрядчика, который так и не появился.';

const CASES: { name: string; lang: IssueLanguage; drafts: ExportDraft[] }[] = [
  {
    name: 'an odd number of equal paragraphs, less than a page',
    lang: 'ru',
    drafts: [{ title: 'Двор', blocks: Array.from({ length: 7 }, () => paragraph(RU)) }],
  },
  {
    name: 'one very long paragraph among short ones, over two pages',
    lang: 'en',
    drafts: [
      {
        title: 'The yard',
        blocks: [
          paragraph('Short.'),
          paragraph(Array.from({ length: 40 }, () => EN).join(' ')),
          paragraph('Also short.'),
          ...Array.from({ length: 5 }, () => paragraph(EN)),
        ],
      },
    ],
  },
  {
    name: 'headings between paragraphs, two drafts',
    lang: 'en',
    drafts: [
      {
        title: 'First',
        blocks: Array.from({ length: 9 }, (_, i) => [
          heading(`Part ${i + 1}`),
          paragraph(EN),
        ]).flat(),
      },
      { title: 'Second', blocks: Array.from({ length: 4 }, () => paragraph(EN)) },
    ],
  },
];

test('two-column pages end level: the columns differ by at most a few lines', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const fontCss = fontCssFromPackage();
  const page = await browser.newPage();
  try {
    for (const { name, lang, drafts } of CASES) {
      const html = renderIssueHtml({
        issue: {
          id: 'ab'.repeat(16),
          masthead: { title: 'Bulletin', issueNumber: '1', date: '2026-11-07', tagline: '' },
          draftIds: [],
          layout: 'a4-two-column',
          createdAt: 1,
          updatedAt: 1,
        },
        drafts,
        lang,
        fontCss,
      });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = new Uint8Array(
        await page.pdf({ preferCSSPageSize: true, printBackground: true }),
      );
      const gaps = await columnGaps(pdf);
      for (const gap of gaps)
        expect(gap, `${name}: column ends apart by ${gaps.join(', ')} pt`).toBeLessThan(FEW_LINES);
    }
  } finally {
    await page.close();
  }
});
