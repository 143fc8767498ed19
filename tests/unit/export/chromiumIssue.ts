import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExportDraft } from '../../../shared/export/ExportDraft.ts';
import type { NewsletterIssue } from '../../../shared/export/NewsletterIssue.ts';

/** The issue printed into fixtures/chromium-a5.pdf (by makeChromiumPdf.ts) and checked after. */
export const CHROMIUM_ISSUE: NewsletterIssue = {
  id: '12'.repeat(16),
  masthead: {
    title: 'Вестник Анны',
    issueNumber: '3',
    date: '2026-11-07',
    tagline: 'Газета двора',
  },
  draftIds: ['34'.repeat(16), '56'.repeat(16)],
  layout: 'a5-booklet',
  createdAt: 1,
  updatedAt: 1,
};

const paragraph = (text: string): ExportDraft['blocks'][number] => ({
  type: 'paragraph',
  inlines: [{ text }],
});

/** Two drafts long enough for several A5 pages, each paragraph numbered to check the order. */
export const CHROMIUM_DRAFTS: ExportDraft[] = [
  {
    title: 'Первая статья',
    blocks: Array.from({ length: 14 }, (_, i) =>
      paragraph(`Абзац первый-${i + 1}: жители района собрались во дворе и обсудили ремонт крыши.`),
    ),
  },
  {
    title: 'Друга стаття',
    blocks: Array.from({ length: 14 }, (_, i) =>
      paragraph(`Абзац другий-${i + 1}: мешканці будинку вирішили зібратися ще раз у неділю.`),
    ),
  },
];

/** The shipped typeface (Latin and Cyrillic, regular and bold) as data: URLs, as the app does. */
export function fontCssFromPackage(): string {
  const files = join(
    dirname(createRequire(import.meta.url).resolve('@fontsource/noto-serif/package.json')),
    'files',
  );
  return ['latin', 'cyrillic']
    .flatMap((subset) =>
      [400, 700].map((weight) => {
        const data = readFileSync(join(files, `noto-serif-${subset}-${weight}-normal.woff2`));
        return (
          `@font-face { font-family: 'Noto Serif'; font-weight: ${weight}; ` +
          `src: url("data:font/woff2;base64,${data.toString('base64')}") format('woff2'); }`
        );
      }),
    )
    .join('\n');
}
