import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { blocksToMarkdown } from '../../../shared/export/blocksToMarkdown.ts';
import { draftBlocks } from '../../../shared/export/draftBlocks.ts';
import type { Block, Inline } from '../../../shared/export/IssueBlock.ts';
import { markdownToBlocks } from '../../../shared/export/markdownToBlocks.ts';
import { makeInline, normalizeInlines } from '../../../shared/export/normalizeInlines.ts';
import { writeBlocks } from '../../../shared/export/writeBlocks.ts';
import { prng, randInt } from '../../support/prng.ts';

/** Letters, Cyrillic, and every character Markdown might read as markup. */
const ALPHABET = 'abcXYZ0123456789жЖїЁ #*_`[]()<>&!~|\\-+=.:;"\'{}';
const HREFS = ['https://example.org/', 'http://x.example/a?b=1&c=(2)', 'https://пример.рф/путь'];

function generator(seed: number) {
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[randInt(rand, items.length)] as T;
  const word = (): string =>
    Array.from({ length: 1 + randInt(rand, 6) }, () => pick([...ALPHABET.replace(' ', '')])).join(
      '',
    );
  /** Words with their own marks, single plain spaces between, lines joined by a break. */
  const inlines = (lines: number): Inline[] => {
    const out: Inline[] = [];
    for (let line = 0; line < lines; line++) {
      if (line > 0) out.push({ text: '\n' });
      const words = 1 + randInt(rand, 5);
      for (let w = 0; w < words; w++) {
        if (w > 0) out.push({ text: ' ' });
        out.push(
          makeInline(word(), {
            bold: rand() < 0.25,
            italic: rand() < 0.25,
            href: rand() < 0.15 ? pick(HREFS) : undefined,
          }),
        );
      }
    }
    return normalizeInlines(out);
  };
  const block = (depth: number): Block => {
    const roll = randInt(rand, depth < 3 ? 7 : 3);
    switch (roll) {
      case 0:
        return { type: 'heading', level: pick([1, 2, 3] as const), inlines: inlines(1) };
      case 1:
      case 2:
        return { type: 'paragraph', inlines: inlines(1 + randInt(rand, 3)) };
      case 3:
        return { type: 'rule' };
      case 4:
        return { type: 'blockquote', blocks: blocks(depth + 1, 1 + randInt(rand, 3)) };
      default:
        return {
          type: roll === 5 ? 'bulletList' : 'orderedList',
          items: Array.from({ length: 1 + randInt(rand, 3) }, () => [
            { type: 'paragraph', inlines: inlines(1 + randInt(rand, 2)) },
            ...blocks(depth + 1, randInt(rand, 2)),
          ]),
        };
    }
  };
  const blocks = (depth: number, count: number): Block[] =>
    Array.from({ length: count }, () => block(depth));
  return () => blocks(0, 1 + randInt(rand, 6));
}

describe('Markdown round trip (seeded)', () => {
  it('gives back the same blocks for 400 random documents full of markup characters', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const blocks = generator(seed)();
      const md = blocksToMarkdown(blocks);
      const back = markdownToBlocks(md);
      // Only rules (even inside quotes) is a document without words: refused as empty.
      const expected = JSON.stringify(blocks).includes('"text"') ? blocks : 'empty';
      expect(back.ok ? back.value : back.error, `seed ${seed}:\n${md}`).toEqual(expected);
    }
  });

  it('and through a draft body: Markdown -> blocks -> Yjs -> blocks', () => {
    for (let seed = 401; seed <= 500; seed++) {
      const blocks = generator(seed)();
      const fragment = new Y.Doc().getXmlFragment('body');
      writeBlocks(fragment, blocks);
      expect(draftBlocks(fragment), `seed ${seed}`).toEqual(blocks);
    }
  });
});
