import { describe, expect, it } from 'vitest';
import { blocksToHtml } from '../../../shared/export/blocksToHtml.ts';

describe('blocks as an HTML fragment', () => {
  it('renders the structure with every piece of text escaped', () => {
    const html = blocksToHtml([
      { type: 'heading', level: 2, inlines: [{ text: '<script>alert("x")</script>' }] },
      {
        type: 'paragraph',
        inlines: [
          { text: "Tom & Jerry's " },
          { text: 'bold', bold: true },
          { text: ' ' },
          { text: 'both', bold: true, italic: true },
          { text: '\n<img src=x onerror=alert(1)>' },
        ],
      },
      {
        type: 'bulletList',
        items: [[{ type: 'paragraph', inlines: [{ text: 'one' }] }]],
      },
      { type: 'orderedList', items: [[{ type: 'paragraph', inlines: [{ text: 'two' }] }]] },
      { type: 'blockquote', blocks: [{ type: 'rule' }] },
    ]);
    expect(html).toBe(
      [
        '<h2>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h2>',
        '<p>Tom &amp; Jerry&#39;s <strong>bold</strong> <strong><em>both</em></strong><br>' +
          '&lt;img src=x onerror=alert(1)&gt;</p>',
        '<ul><li><p>one</p></li></ul>',
        '<ol><li><p>two</p></li></ol>',
        '<blockquote><hr></blockquote>',
      ].join('\n'),
    );
  });

  it('prints links as their label and the URL in parentheses, never as <a href>', () => {
    const html = blocksToHtml([
      {
        type: 'paragraph',
        inlines: [
          { text: 'See ' },
          { text: 'our ', href: 'https://example.org/?a=1&b="2"' },
          { text: 'site', bold: true, href: 'https://example.org/?a=1&b="2"' },
          { text: ' or ' },
          { text: 'https://x.org/', href: 'https://x.org/' },
        ],
      },
    ]);
    expect(html).toBe(
      '<p>See our <strong>site</strong> (https://example.org/?a=1&amp;b=&quot;2&quot;) or https://x.org/</p>',
    );
    expect(html).not.toMatch(/<a\b|href|src=/i);
  });
});
