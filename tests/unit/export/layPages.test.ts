import { describe, expect, it } from 'vitest';
import { layPages, type PageBody } from '../../../renderer/export/layPages.ts';

/** A block in a model of the page: a paragraph (splits between lines), a heading or a figure. */
interface Unit {
  readonly id: string;
  readonly kind: 'p' | 'h' | 'fig';
  readonly lines: number;
}

/**
 * A page of `columns` columns of `perColumn` lines, filled as the measuring page is (column-fill:
 * auto): text runs on from one column into the next, a figure (break-inside: avoid) starts a new
 * column when it does not fit in what is left of this one. It overflows when it needs more
 * columns than it has.
 */
class ModelPage implements PageBody<Unit> {
  readonly units: Unit[] = [];
  constructor(
    readonly columns: number,
    readonly perColumn: number,
  ) {}
  append(unit: Unit): void {
    this.units.push(unit);
  }
  remove(unit: Unit): void {
    this.units.splice(this.units.indexOf(unit), 1);
  }
  overflows(): boolean {
    let column = 0;
    let used = 0;
    for (const unit of this.units) {
      if (unit.kind === 'fig' && used > 0 && used + unit.lines > this.perColumn) {
        column++;
        used = 0;
      }
      used += unit.lines;
      while (used > this.perColumn) {
        column++;
        used -= this.perColumn;
      }
    }
    return column >= this.columns;
  }
}

const rules = (columns: number, perColumn: number) => ({
  newPage: () => new ModelPage(columns, perColumn),
  isHeadingLike: (unit: Unit) => unit.kind === 'h',
  // A paragraph splits after the most lines that fit on the page as it is.
  splitToFit: (page: ModelPage, unit: Unit) => {
    if (unit.kind !== 'p') return undefined;
    let fit = 0;
    for (let k = 1; k < unit.lines; k++) {
      page.append({ ...unit, lines: k });
      const over = page.overflows();
      page.units.pop();
      if (over) break;
      fit = k;
    }
    if (fit === 0) return undefined;
    return {
      head: { ...unit, id: `${unit.id}<`, lines: fit },
      tail: { ...unit, id: `${unit.id}>`, lines: unit.lines - fit },
    };
  },
});

const p = (id: string, lines: number): Unit => ({ id, kind: 'p', lines });
const h = (id: string): Unit => ({ id, kind: 'h', lines: 1 });
const fig = (id: string, lines: number): Unit => ({ id, kind: 'fig', lines });
const ids = (pages: Unit[][]): string[][] => pages.map((page) => page.map((u) => u.id));

describe('laying blocks into pages', () => {
  it('moves a block that does not fit whole to the next page', () => {
    expect(ids(layPages([p('a', 3), p('b', 4), p('c', 5)], rules(1, 10)))).toEqual([
      ['a', 'b'],
      ['c'],
    ]);
  });

  it('carries a heading to the next page with the block after it', () => {
    expect(ids(layPages([p('a', 8), h('H'), p('b', 5)], rules(1, 10)))).toEqual([
      ['a'],
      ['H', 'b'],
    ]);
  });

  it('splits only a block taller than a whole page, head first', () => {
    expect(ids(layPages([p('a', 2), p('long', 25), p('b', 1)], rules(1, 10)))).toEqual([
      ['a'],
      ['long<'],
      ['long><'],
      ['long>>', 'b'],
    ]);
  });

  it('gives a figure taller than a page a page of its own (clipped), never splitting it', () => {
    expect(ids(layPages([p('a', 2), fig('F', 14), p('b', 2)], rules(1, 10)))).toEqual([
      ['a'],
      ['F'],
      ['b'],
    ]);
  });

  it('fills two columns before starting a page, moving a figure to the next column', () => {
    // Two columns of 10 lines: a and b fill 9 lines of the left one, F (6) does not fit in the
    // line left, so it opens the right column, and c (4) fills it; one line more does not fit.
    expect(ids(layPages([p('a', 6), p('b', 3), fig('F', 6), p('c', 4)], rules(2, 10)))).toEqual([
      ['a', 'b', 'F', 'c'],
    ]);
    expect(ids(layPages([p('a', 6), p('b', 3), fig('F', 6), p('c', 5)], rules(2, 10)))).toEqual([
      ['a', 'b', 'F'],
      ['c'],
    ]);
  });

  it('keeps a heading with the start of a paragraph taller than a page', () => {
    // Not a page holding the heading alone, then the paragraph from the top of the next.
    expect(ids(layPages([p('a', 8), h('H'), p('long', 25)], rules(1, 10)))).toEqual([
      ['a'],
      ['H', 'long<'],
      ['long><'],
      ['long>>'],
    ]);
  });

  it('loses, repeats and reorders nothing, whatever the blocks (400 random issues)', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const columns = 1 + random(2);
      const perColumn = 5 + random(20);
      const units: Unit[] = Array.from({ length: 1 + random(30) }, (_, i) => {
        const kind = (['p', 'p', 'p', 'h', 'fig'] as const)[random(5)] ?? 'p';
        return kind === 'h' ? h(`h${i}`) : { id: `${kind}${i}`, kind, lines: 1 + random(30) };
      });
      const pages = layPages(units, rules(columns, perColumn));
      // Read in order, split pieces joined back: exactly the blocks, with every line.
      const read = pages.flat();
      const lines = new Map<string, number>();
      for (const unit of read) {
        const id = unit.id.replace(/[<>]+$/, '');
        lines.set(id, (lines.get(id) ?? 0) + unit.lines);
      }
      expect([...lines.keys()]).toEqual(units.map((u) => u.id));
      for (const unit of units) expect(lines.get(unit.id)).toBe(unit.lines);
      for (const page of pages) {
        const model = new ModelPage(columns, perColumn);
        for (const unit of page) model.append(unit);
        // Only a lone block may overflow its page (an unsplittable one, clipped).
        if (page.length > 1) expect(model.overflows()).toBe(false);
      }
      // No page but the last ends with a heading, unless the page is that heading alone.
      for (const page of pages.slice(0, -1))
        if (page.length > 1) expect(page.at(-1)?.kind).not.toBe('h');
    }
  });
});
