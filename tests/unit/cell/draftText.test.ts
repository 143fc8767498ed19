import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countWords } from '../../../shared/cell/countWords.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { draftPlainText } from '../../../shared/cell/draftPlainText.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { sync } from './cellFixture.ts';

const element = (
  name: string,
  children: (Y.XmlElement | Y.XmlText)[] = [],
  attrs: Record<string, string> = {},
): Y.XmlElement => {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  node.insert(0, children);
  return node;
};

const text = (value: string, attributes?: Record<string, unknown>): Y.XmlText => {
  const node = new Y.XmlText();
  node.insert(0, value, attributes ?? {});
  return node;
};

describe('draft body as plain text', () => {
  it('round-trips lines through paragraphs, including empty lines and Cyrillic', () => {
    const doc = new Y.Doc();
    replaceDraftText(doc, 'Выпуск 12\n\nПривіт, світе!\r\nlast line\n');
    expect(draftBody(doc).length).toBe(4);
    expect(
      draftBody(doc)
        .toArray()
        .every((n) => n instanceof Y.XmlElement && n.nodeName === 'paragraph'),
    ).toBe(true);
    expect(draftPlainText(doc)).toBe('Выпуск 12\n\nПривіт, світе!\nlast line');
    replaceDraftText(doc, '');
    expect(draftBody(doc).length).toBe(0);
    expect(draftPlainText(doc)).toBe('');
  });

  it('replaces the whole body in one update that a peer applies as one edit', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    replaceDraftText(alice, 'one\ntwo');
    sync(alice, bob);
    const updates: Uint8Array[] = [];
    alice.on('update', (update: Uint8Array) => updates.push(update));
    replaceDraftText(alice, 'three');
    expect(updates).toHaveLength(1);
    Y.applyUpdate(bob, updates[0]!);
    expect(draftPlainText(bob)).toBe('three');
  });

  it('reads rich text: marks dropped, headings, nested lists, quotes, hard breaks; rules skipped', () => {
    const doc = new Y.Doc();
    draftBody(doc).insert(0, [
      element('heading', [text('Title')], { level: '1' }),
      element('paragraph', [text('bold', { bold: {} }), text(' and plain')]),
      element('bulletList', [
        element('listItem', [element('paragraph', [text('first')])]),
        element('listItem', [
          element('paragraph', [text('second')]),
          element('orderedList', [element('listItem', [element('paragraph', [text('nested')])])]),
        ]),
      ]),
      element('horizontalRule'),
      element('blockquote', [
        element('paragraph', [text('quoted'), element('hardBreak'), text('more')]),
      ]),
      element('paragraph'),
    ]);
    expect(draftPlainText(doc)).toBe(
      'Title\nbold and plain\nfirst\nsecond\nnested\nquoted\nmore\n',
    );
  });

  it('does not recurse without bound into a peer’s absurdly deep nesting', () => {
    const doc = new Y.Doc();
    draftBody(doc).insert(0, [element('paragraph', [text('shallow')]), element('blockquote')]);
    // Built level by level (integrated), as a peer's update would arrive.
    let node = draftBody(doc).get(1) as Y.XmlElement;
    for (let i = 0; i < 300; i++) {
      node.insert(0, [element('blockquote')]);
      node = node.get(0) as Y.XmlElement;
    }
    node.insert(0, [element('paragraph', [text('deep')])]);
    expect(draftPlainText(doc)).toBe('shallow');
  });

  it('merges a concurrent plain-text replace and a typed edit without losing either peer’s state', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    replaceDraftText(alice, 'base');
    sync(alice, bob);
    replaceDraftText(alice, 'from alice');
    const paragraph = draftBody(bob).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(4, ' edited by bob');
    sync(alice, bob);
    expect(draftPlainText(alice)).toBe(draftPlainText(bob));
    expect(draftPlainText(alice)).toContain('from alice');
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['Hello, world!', 2],
    ['Выпуск № 12 — готов', 3],
    ['Привіт   світе\nі ще', 4],
    ['— – …', 0],
    ['e-mail co-op', 2],
  ])('%j has %i words', (value, words) => {
    expect(countWords(value)).toBe(words);
  });
});
