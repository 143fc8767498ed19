import { describe, expect, it } from 'vitest';
import type { ExportDraft } from '../../../shared/export/ExportDraft.ts';
import type { ExportImage } from '../../../shared/export/ExportImage.ts';
import type { ImageBlock } from '../../../shared/export/IssueBlock.ts';
import { ISSUE_LAYOUTS } from '../../../shared/export/IssueLayout.ts';
import { issueMarkdown } from '../../../shared/export/issueMarkdown.ts';
import type { NewsletterIssue } from '../../../shared/export/NewsletterIssue.ts';
import { markdownToBlocks } from '../../../shared/export/markdownToBlocks.ts';
import { isSelfContainedFontCss, renderIssueHtml } from '../../../shared/export/renderIssueHtml.ts';
import { typographicQuotes } from '../../../shared/export/typographicQuotes.ts';

const ISSUE: NewsletterIssue = {
  id: 'ab'.repeat(16),
  masthead: {
    title: 'Вестник "Двор"',
    issueNumber: '7',
    date: '2026-11-07',
    tagline: 'Без цензуры',
  },
  draftIds: ['cd'.repeat(16), 'ef'.repeat(16)],
  layout: 'a4-two-column',
  createdAt: 1,
  updatedAt: 2,
};

const DRAFTS: ExportDraft[] = [
  {
    title: 'Первая <статья>',
    blocks: [
      { type: 'heading', level: 1, inlines: [{ text: 'Подзаголовок' }] },
      {
        type: 'paragraph',
        inlines: [
          { text: 'Он сказал: "Мы ' },
          { text: 'придём', bold: true },
          { text: '". <script>alert(1)</script> ' },
          { text: 'сайт', href: 'https://example.org/a?b=1&c=2' },
        ],
      },
    ],
  },
  {
    title: 'Друга стаття',
    blocks: [{ type: 'paragraph', inlines: [{ text: "Пам'ять і м'ята" }] }],
  },
];

const FONT_CSS =
  "@font-face { font-family: 'Noto Serif'; font-weight: 400; src: url(\"data:font/woff2;base64,d09GMgABAAAA\") format('woff2'); unicode-range: U+0400-045F; }";

/** Every start tag and its attributes, to check what the document can do. */
const tags = (html: string): string[] =>
  [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)].map((m) => `${m[1]}${m[2]}`);

describe('HTML export', () => {
  for (const layout of ISSUE_LAYOUTS) {
    for (const lang of ['en', 'ru', 'uk'] as const) {
      it(`is one inert, self-contained document (${layout}, ${lang})`, () => {
        const html = renderIssueHtml({
          issue: { ...ISSUE, layout },
          drafts: DRAFTS,
          lang,
          fontCss: FONT_CSS,
        });
        expect(html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}">`));
        for (const forbidden of [
          /<script/i,
          /<link/i,
          /<img/i,
          /<iframe/i,
          /<object/i,
          /<a\b/i,
          /@import/i,
          /javascript:/i,
        ]) {
          expect(html).not.toMatch(forbidden);
        }
        expect(html.match(/url\(/g)?.length).toBe(html.match(/url\("data:/g)?.length);
        for (const tag of tags(html))
          expect(tag).not.toMatch(/\s(href|src|srcset|on\w+|style|action)\s*=/i);
        expect(html).toContain('<title>Вестник &quot;Двор&quot;</title>');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).toContain('сайт (https://example.org/a?b=1&amp;c=2)');
        // Hyphenation is ours (soft hyphens), never the engine's dictionaries.
        expect(html).toContain('hyphens: manual');
        expect(html).not.toContain('hyphens: auto');
        expect(html).toMatch(/<h3>Подзаголовок<\/h3>/);
        expect(html).not.toMatch(/generator|quire/i);
        expect(html.indexOf('Первая')).toBeLessThan(html.indexOf('Друга'));
      });
    }
  }

  it('sets the page per layout', () => {
    const css = (layout: (typeof ISSUE_LAYOUTS)[number]): string =>
      renderIssueHtml({ issue: { ...ISSUE, layout }, drafts: DRAFTS, lang: 'ru', fontCss: '' });
    expect(css('a4-two-column')).toContain('@page { size: A4 portrait; margin: 15mm; }');
    expect(css('a4-two-column')).toContain('column-count: 2');
    expect(css('a5-booklet')).toContain('@page { size: A5 portrait; margin: 12mm; }');
    expect(css('a5-booklet')).not.toContain('column-count');
    expect(css('single-column')).toContain('@page { size: A4 portrait; margin: 20mm; }');
  });

  it('uses the language’s quotes, number label and date', () => {
    // Soft hyphens (body text only) left out: they are checked in printTypography.test.ts.
    const render = (lang: 'en' | 'ru' | 'uk'): string =>
      renderIssueHtml({ issue: ISSUE, drafts: DRAFTS, lang, fontCss: '' }).replaceAll('\u00ad', '');
    const ru = render('ru');
    expect(ru).toContain('Вестник «Двор»</h1>');
    expect(ru).toContain('Он сказал: «Мы <strong>придём</strong>».');
    expect(ru).toContain('№\u00a07 · 7 ноября 2026');
    const uk = render('uk');
    expect(uk).toContain('Пам’ять і м’ята');
    expect(uk).toContain('7 листопада 2026');
    const en = render('en');
    expect(en).toContain('Вестник \u201cДвор\u201d');
    expect(en).toContain('No.\u00a07 · November 7, 2026');
  });

  it('drops font CSS that could load or inject anything', () => {
    expect(isSelfContainedFontCss(FONT_CSS)).toBe(true);
    for (const bad of [
      '@font-face { src: url(https://fonts.example/x.woff2) }',
      "@font-face { src: url('//fonts.example/x.woff2') }",
      '@import "https://x.example/a.css";',
      '@font-face { src: url(data:font/woff2;base64,AA) } </style><script>alert(1)</script>',
      '@font-face { src: u\\72l(https://x.example/a) }',
      '@font-face { src: url(data:text/html;base64,AA) }',
      "body { background: image-set('https://x.example/a.png' 1x) }",
      "@font-face { src: url(data:font/woff2;base64,AA) } body { background: url(data:font/woff2;base64,AA), image-set('https://x.example/a.png' 1x) }",
    ]) {
      expect(isSelfContainedFontCss(bad)).toBe(false);
      const html = renderIssueHtml({ issue: ISSUE, drafts: DRAFTS, lang: 'en', fontCss: bad });
      expect(html).not.toContain('x.example');
      expect(html).not.toContain('fonts.example');
      expect(html).not.toMatch(/<script/i);
    }
  });
});

describe('images in the HTML export', () => {
  const ID = 'a1'.repeat(16);
  const OTHER = 'b2'.repeat(16);
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250]);
  const picture: ExportImage = { mime: 'image/png', bytes: PNG, width: 1200, height: 900 };
  const block = (id: string, alt: string, caption: string): ImageBlock => ({
    type: 'image',
    id,
    alt,
    caption,
    width: 1200,
    height: 900,
  });
  const render = (images: ReadonlyMap<string, ExportImage>, blocks: ImageBlock[]): string =>
    renderIssueHtml({
      issue: ISSUE,
      drafts: [{ title: 'Фото', blocks }],
      lang: 'ru',
      fontCss: FONT_CSS,
      images,
    });

  it('prints the re-encoded picture as a data:image/png URL, with its alt text and caption', () => {
    const html = render(new Map([[ID, picture]]), [
      block(ID, 'Двор "после" <дождя>', 'Снимок "соседа" <b>'),
    ]);
    const base64 = Buffer.from(PNG).toString('base64');
    expect(html).toContain(
      `<figure class="issue-image"><img src="data:image/png;base64,${base64}" ` +
        'alt="Двор &quot;после&quot; &lt;дождя&gt;" width="1200" height="900" ' +
        'style="width: min(100%, 1200px, calc(var(--issue-image-max-height) * 1.3333))">' +
        '<figcaption>Снимок «соседа» &lt;b&gt;</figcaption></figure>',
    );
    // Data images only: the CSP lets nothing else load, and the height fits a page.
    expect(html).toContain('img-src data:; font-src data:');
    expect(html).toMatch(/--issue-image-max-height: \d+mm/);
    expect(html).toMatch(/\.issue-image \{[^}]*break-inside: avoid/);
    for (const tag of tags(html).filter((t) => !t.startsWith('img ')))
      expect(tag).not.toMatch(/\s(href|src|srcset|on\w+|style|action)\s*=/i);
    const srcs = [...html.matchAll(/\ssrc="([^"]*)"/g)].map((m) => m[1]);
    expect(srcs).toEqual([`data:image/png;base64,${base64}`]);
  });

  it('prints the alt text in a frame, never a URL, for an image it has no pixels for', () => {
    const notPng: ExportImage = { ...picture, bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe1]) };
    const badSize: ExportImage = { ...picture, width: 0 };
    for (const images of [new Map(), new Map([[ID, notPng]]), new Map([[ID, badSize]])]) {
      const html = render(images, [block(ID, 'Двор', ''), block(OTHER, '<i>', 'Подпись')]);
      expect(html).not.toMatch(/<img|data:image/);
      expect(html).toContain(
        '<figure class="issue-image"><div class="issue-image__missing">Двор</div></figure>',
      );
      expect(html).toContain(
        '<div class="issue-image__missing">&lt;i&gt;</div><figcaption>Подпись</figcaption>',
      );
    }
  });

  it('writes the alt text and caption as text in Markdown (no place there for the pixels)', () => {
    const md = issueMarkdown(ISSUE, [
      { title: 'Фото', blocks: [block(ID, 'Двор [1]', 'Снимок *соседа*'), block(ID, '', '')] },
    ]);
    expect(md).toContain('## Фото\n\n\\[Двор \\[1\\]\\]\n\n*Снимок \\*соседа\\**\n');
    expect(md).not.toMatch(/!\[|data:|a1a1/);
  });
});

describe('typographic quotes', () => {
  it('nests and spans inlines', () => {
    expect(typographicQuotes(['"Он сказал "да" и ушёл"'], 'ru')).toEqual([
      '«Он сказал „да“ и ушёл»',
    ]);
    expect(typographicQuotes(['Say "', 'hi', '" now'], 'en')).toEqual([
      'Say \u201c',
      'hi',
      '\u201d now',
    ]);
    expect(typographicQuotes(["it's 'quoted'"], 'en')).toEqual(["it\u2019s 'quoted'"]);
  });
});

describe('Markdown export of an issue', () => {
  it('holds the masthead and the drafts in order, and imports back', () => {
    const md = issueMarkdown(ISSUE, DRAFTS);
    expect(
      md.startsWith(
        '# Вестник "Двор"\n\n№ 7 · 2026-11-07\n\n*Без цензуры*\n\n---\n\n## Первая \\<статья\\>',
      ),
    ).toBe(true);
    expect(md).toContain('### Подзаголовок');
    expect(md).toContain('[сайт](https://example.org/a?b=1&c=2)');
    expect(md).not.toMatch(/quire|generator|---\n[a-z]+:/i);
    const back = markdownToBlocks(md);
    expect(back.ok).toBe(true);
    const text = JSON.stringify(back.ok ? back.value : []);
    expect(text.indexOf('Первая <статья>')).toBeGreaterThan(0);
    expect(text.indexOf('Первая')).toBeLessThan(text.indexOf('Друга стаття'));
    expect(text).toContain('"href":"https://example.org/a?b=1&c=2"');
  });
});
