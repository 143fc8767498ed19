import { describe, expect, it } from 'vitest';
import { blocksToMarkdown } from '../../../shared/export/blocksToMarkdown.ts';
import type { Block, Inline } from '../../../shared/export/IssueBlock.ts';
import { MARKDOWN_MAX_CHARS, markdownToBlocks } from '../../../shared/export/markdownToBlocks.ts';

const roundTrip = (blocks: Block[]): Block[] => {
  const read = markdownToBlocks(blocksToMarkdown(blocks));
  if (!read.ok) throw new Error(read.error);
  return read.value;
};

const p = (...inlines: Inline[]): Block => ({ type: 'paragraph', inlines });

describe('Markdown export and import', () => {
  it('round-trips headings, lists, emphasis and links', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, inlines: [{ text: 'Вісник' }] },
      { type: 'heading', level: 2, inlines: [{ text: 'Про ' }, { text: 'нас', italic: true }] },
      p(
        { text: 'Текст з ' },
        { text: 'жирним', bold: true },
        { text: ', ' },
        { text: 'курсивом', italic: true },
        { text: ', ' },
        { text: 'обома', bold: true, italic: true },
        { text: ' і ' },
        { text: 'посиланням', href: 'https://example.org/path?q=1&r=(2)' },
        { text: ', ' },
        { text: 'жирним ', href: 'https://example.org/' },
        { text: 'посиланням', bold: true, href: 'https://example.org/' },
        { text: '.\nДругий рядок.' },
      ),
      {
        type: 'bulletList',
        items: [
          [p({ text: 'перший' })],
          [
            p({ text: 'другий' }),
            { type: 'orderedList', items: [[p({ text: 'а' })], [p({ text: 'б', bold: true })]] },
          ],
        ],
      },
      { type: 'bulletList', items: [[p({ text: 'a separate list' })]] },
      { type: 'orderedList', items: Array.from({ length: 11 }, (_, i) => [p({ text: `n${i}` })]) },
      { type: 'heading', level: 3, inlines: [{ text: 'Цитата' }] },
      { type: 'blockquote', blocks: [p({ text: 'Слова' }), { type: 'rule' }, p({ text: 'ще' })] },
      { type: 'rule' },
      p({ text: 'кінець' }),
    ];
    expect(roundTrip(blocks)).toEqual(blocks);
  });

  it('keeps markup characters in text as text', () => {
    const tricky: Block[] = [
      p({ text: '# not a heading, *not em*, _nor_ `code`, [no](link) <b>tag</b> & \\ ! ~ |' }),
      p({ text: '1. not a list' }),
      p({ text: '- not a list\n> not a quote\n+ nor this\n=== nor a setext\n2) nope' }),
      p({ text: '---' }),
      { type: 'heading', level: 2, inlines: [{ text: '#hash\nline' }] },
      p({ text: 'x', bold: true }, { text: '*' }),
      p({ text: '<script>alert(1)</script>' }),
    ];
    const back = roundTrip(tricky);
    expect(back).toEqual([
      ...tricky.slice(0, 4),
      { type: 'heading', level: 2, inlines: [{ text: '#hash line' }] },
      ...tricky.slice(5),
    ]);
  });

  it('keeps line breaks, drops a trailing one', () => {
    expect(roundTrip([p({ text: 'a\n\nb\n  \nc' }), p({ text: 'd\n' }), p({ text: 'e' })])).toEqual(
      [p({ text: 'a\n\nb\n\nc' }), p({ text: 'd' }), p({ text: 'e' })],
    );
    expect(
      roundTrip([
        { type: 'bulletList', items: [[p({ text: 'x\n', bold: true })], [p({ text: 'y' })]] },
      ]),
    ).toEqual([
      { type: 'bulletList', items: [[p({ text: 'x', bold: true })], [p({ text: 'y' })]] },
    ]);
  });

  it('moves whitespace out of emphasis so it stays emphasis', () => {
    expect(roundTrip([p({ text: 'a' }, { text: ' bold ', bold: true }, { text: 'b' })])).toEqual([
      p({ text: 'a ' }, { text: 'bold', bold: true }, { text: ' b' }),
    ]);
  });

  it('imports only http(s) links; other targets keep their label', () => {
    const read = markdownToBlocks(
      '[js](javascript:alert(1)) [data](data:text/html,x) [rel](/etc/passwd) [mail](mailto:a@b.c) ' +
        '[ok](https://example.org) <https://auto.example> ![alt text](https://img.example/x.png)\n\n' +
        '<div onclick="x">raw</div>\n\n#### deep heading\n\n```\ncode\n```',
    );
    expect(read).toEqual({
      ok: true,
      value: [
        p(
          // markdown-it does not parse a javascript:/data: link at all: its source stays text.
          { text: '[js](javascript:alert(1)) [data](data:text/html,x) rel mail ' },
          { text: 'ok', href: 'https://example.org' },
          { text: ' ' },
          { text: 'https://auto.example', href: 'https://auto.example' },
          { text: ' alt text' },
        ),
        p({ text: '<div onclick="x">raw</div>' }),
        { type: 'heading', level: 3, inlines: [{ text: 'deep heading' }] },
        p({ text: 'code' }),
      ],
    });
  });

  it('refuses oversized and empty input', () => {
    expect(markdownToBlocks('a'.repeat(MARKDOWN_MAX_CHARS + 1))).toEqual({
      ok: false,
      error: 'too-large',
    });
    expect(markdownToBlocks('a'.repeat(MARKDOWN_MAX_CHARS)).ok).toBe(true);
    for (const empty of ['', '   \n\n', '---\n\n***', '> \n', '-\n-']) {
      expect(markdownToBlocks(empty)).toEqual({ ok: false, error: 'empty' });
    }
  });

  it('refuses nesting deep enough to lose text, accepts any real depth', () => {
    for (const deep of [`${'> '.repeat(5000)}deep\n\nafter`, `${'- '.repeat(20)}x\n\nafter`]) {
      expect(markdownToBlocks(deep)).toEqual({ ok: false, error: 'too-deep' });
    }
    const nested = markdownToBlocks(`${'- '.repeat(8)}x\n\n${'> '.repeat(8)}y\n\nafter`);
    expect(JSON.stringify(nested)).toMatch(/"x".*"y".*"after"/);
  });
});
