import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorExtensions } from '../../../renderer/editor/editorExtensions.ts';
import { draftBlocks } from '../../../shared/export/draftBlocks.ts';
import type { Block } from '../../../shared/export/IssueBlock.ts';
import { writeBlocks } from '../../../shared/export/writeBlocks.ts';

/** The editor's real schema (StarterKit as configured + the safe link), built in Node. */
const schema = getSchema(editorExtensions({ fragment: new Y.Doc().getXmlFragment('body') }));

const SAMPLE: Block[] = [
  { type: 'heading', level: 1, inlines: [{ text: 'Выпуск 12' }] },
  {
    type: 'paragraph',
    inlines: [
      { text: 'Обычный, ' },
      { text: 'жирный', bold: true },
      { text: ', ' },
      { text: 'курсив', italic: true },
      { text: ' и ' },
      { text: 'оба', bold: true, italic: true },
      { text: '; ссылка ' },
      { text: 'сюда', href: 'https://example.org/a?b=1' },
      { text: ' и ' },
      { text: 'жирная ссылка', bold: true, href: 'https://example.org/' },
      { text: '.\nНовая строка.' },
    ],
  },
  { type: 'heading', level: 3, inlines: [{ text: 'Список' }] },
  {
    type: 'bulletList',
    items: [
      [{ type: 'paragraph', inlines: [{ text: 'один' }] }],
      [
        { type: 'paragraph', inlines: [{ text: 'два' }] },
        {
          type: 'orderedList',
          items: [
            [{ type: 'paragraph', inlines: [{ text: 'а' }] }],
            [{ type: 'paragraph', inlines: [{ text: 'б' }] }],
          ],
        },
      ],
    ],
  },
  { type: 'rule' },
  {
    type: 'blockquote',
    blocks: [{ type: 'paragraph', inlines: [{ text: '«Цитата»', italic: true }] }],
  },
  { type: 'paragraph', inlines: [] },
];

describe('draft bodies as blocks', () => {
  it('writes exactly what y-tiptap writes for the same document', () => {
    const ours = new Y.Doc().getXmlFragment('body');
    writeBlocks(ours, SAMPLE);
    // Read with the editor's own binding against its schema: the result is a valid document...
    const node = yXmlFragmentToProseMirrorRootNode(ours, schema);
    node.check();
    // ...and writing that document back with y-tiptap gives the same Yjs shape (element names,
    // numeric attributes, mark format attributes).
    const theirs = new Y.Doc().getXmlFragment('body');
    prosemirrorJSONToYXmlFragment(schema, node.toJSON(), theirs);
    expect(ours.toJSON()).toBe(theirs.toJSON());
    expect(shape(ours)).toEqual(shape(theirs));
    expect(draftBlocks(theirs)).toEqual(SAMPLE);
  });

  it('reads a body the editor wrote from ProseMirror JSON', () => {
    const fragment = new Y.Doc().getXmlFragment('body');
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Заголовок' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'strike' }] },
              { type: 'hardBreak' },
              { type: 'text', text: 'b', marks: [{ type: 'code' }] },
            ],
          },
          { type: 'codeBlock', content: [{ type: 'text', text: 'x = 1\ny = 2' }] },
        ],
      },
      fragment,
    );
    expect(draftBlocks(fragment)).toEqual([
      { type: 'heading', level: 2, inlines: [{ text: 'Заголовок' }] },
      { type: 'paragraph', inlines: [{ text: 'a', bold: true }, { text: '\nb' }] },
      { type: 'paragraph', inlines: [{ text: 'x = 1\ny = 2' }] },
    ]);
  });

  it('keeps only http(s) links, from a peer or a caller', () => {
    const fragment = new Y.Doc().getXmlFragment('body');
    const text = new Y.XmlText();
    text.insert(0, 'bad', { link: { href: 'javascript:alert(1)' } });
    text.insert(3, 'good', { link: { href: 'http://example.org/' } });
    text.insert(7, 'odd', { link: 'not an object', 'italic--abc': {} });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    fragment.insert(0, [paragraph]);
    expect(draftBlocks(fragment)).toEqual([
      {
        type: 'paragraph',
        inlines: [
          { text: 'bad' },
          { text: 'good', href: 'http://example.org/' },
          { text: 'odd', italic: true },
        ],
      },
    ]);
    const written = new Y.Doc().getXmlFragment('body');
    writeBlocks(written, [
      { type: 'paragraph', inlines: [{ text: 'x', href: 'javascript:alert(1)' }] },
    ]);
    expect(draftBlocks(written)).toEqual([{ type: 'paragraph', inlines: [{ text: 'x' }] }]);
  });

  it('survives hostile shapes: deep nesting, unknown nodes, bad levels', () => {
    const fragment = new Y.Doc().getXmlFragment('body');
    let deep = new Y.XmlElement('blockquote');
    const innermost = deep;
    for (let i = 0; i < 200; i++) {
      const outer = new Y.XmlElement('blockquote');
      outer.insert(0, [deep]);
      deep = outer;
    }
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 'nine');
    heading.insert(0, [new Y.XmlText('H')]);
    const unknown = new Y.XmlElement('mystery');
    const inner = new Y.XmlElement('paragraph');
    inner.insert(0, [new Y.XmlText('inside')]);
    unknown.insert(0, [inner]);
    fragment.insert(0, [deep, heading, unknown, new Y.XmlElement('bulletList')]);
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('lost')]);
    innermost.insert(0, [para]);
    const blocks = draftBlocks(fragment);
    expect(blocks.slice(-2)).toEqual([
      { type: 'heading', level: 3, inlines: [{ text: 'H' }] },
      { type: 'paragraph', inlines: [{ text: 'inside' }] },
    ]);
    expect(JSON.stringify(blocks)).not.toContain('lost');
  });
});

describe('images in draft bodies', () => {
  const ID = 'a1'.repeat(16);

  it('reads an image node the editor wrote as an image block, decorative without alt', () => {
    const fragment = new Y.Doc().getXmlFragment('body');
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'До' }] },
          {
            type: 'draftImage',
            attrs: { id: ID, alt: 'Двор', caption: 'Подпись', width: 1200, height: 900 },
          },
          {
            type: 'draftImage',
            attrs: { id: ID, alt: 'hidden', caption: '', decorative: true, width: 4, height: 3 },
          },
        ],
      },
      fragment,
    );
    expect(draftBlocks(fragment)).toEqual([
      { type: 'paragraph', inlines: [{ text: 'До' }] },
      { type: 'image', id: ID, alt: 'Двор', caption: 'Подпись', width: 1200, height: 900 },
      { type: 'image', id: ID, alt: '', caption: '', width: 4, height: 3 },
    ]);
  });

  it('drops or clamps a peer’s garbage attributes and never throws', () => {
    const fragment = new Y.Doc().getXmlFragment('body');
    type Attrs = Record<string, string | number | object>;
    const image = (attrs: Attrs): Y.XmlElement => {
      const node = new Y.XmlElement<Attrs>('draftImage');
      for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
      return node as unknown as Y.XmlElement;
    };
    fragment.insert(0, [
      image({ id: '../../etc/passwd', alt: 'x' }),
      image({ id: 42 }),
      image({ id: '00'.repeat(16) }), // the reserved range: names no image document
      image({}),
      image({
        id: ID,
        alt: { toString: 'evil' },
        caption: 'c'.repeat(5000),
        width: 1e9,
        height: -3,
        decorative: 'yes',
      }),
      image({ id: ID, alt: 'a'.repeat(5000), caption: 7, width: 2.5, height: '900' }),
    ]);
    expect(draftBlocks(fragment)).toEqual([
      { type: 'image', id: ID, alt: '', caption: 'c'.repeat(300), width: 1600, height: 1 },
      { type: 'image', id: ID, alt: 'a'.repeat(500), caption: '', width: 1, height: 1 },
    ]);
  });
});

/** Every element's name, attributes and every text's delta, to compare Yjs trees exactly. */
function shape(node: Y.XmlFragment | Y.XmlElement): unknown[] {
  return node
    .toArray()
    .map((child) =>
      child instanceof Y.XmlText
        ? { delta: child.toDelta() as unknown }
        : child instanceof Y.XmlElement
          ? { name: child.nodeName, attrs: child.getAttributes(), children: shape(child) }
          : { other: child.constructor.name },
    );
}
