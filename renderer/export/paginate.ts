import { imageMaxHeightMm } from '../../shared/export/imageMaxHeightMm.ts';
import { layPages, type PageBody } from './layPages.ts';

/** The printable box of one page, in millimetres (see issuePageSpec). */
export interface PageBox {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly marginMm: number;
  readonly columns: 1 | 2;
  /** Smaller type, for A5 pages (as the exported HTML's CSS has it). */
  readonly compact: boolean;
}

/** Classes shared by the measuring pages and the shown pages, so both lay out alike (export.css). */
export const PAGE_CLASS = 'issue-page';
export const PAGE_BODY_CLASS = 'issue-page__body';
const CONTINUED_CLASS = 'issue-continued';

/** Sizes a page element and its body for `box` (used for measuring and for showing). */
export function stylePage(page: HTMLElement, body: HTMLElement, box: PageBox): void {
  page.classList.add(PAGE_CLASS);
  page.style.width = `${box.widthMm}mm`;
  page.style.height = `${box.heightMm}mm`;
  page.style.padding = `${box.marginMm}mm`;
  // Images fit within this height at column width (blocksToHtml), as in the exported file.
  page.style.setProperty(
    '--issue-image-max-height',
    `${imageMaxHeightMm(box.heightMm - 2 * box.marginMm)}mm`,
  );
  body.classList.add(PAGE_BODY_CLASS);
  page.classList.toggle(`${PAGE_CLASS}--compact`, box.compact);
  body.classList.toggle(`${PAGE_BODY_CLASS}--columns`, box.columns === 2);
}

const isHeadingLike = (el: Element): boolean =>
  /^H[1-6]$/.test(el.tagName) || el.classList.contains('issue-masthead');

/**
 * Lays `units` (top-level blocks in reading order, e.g. the masthead, draft titles, paragraphs)
 * into fixed-size pages and returns each page's blocks. It measures real layout in `host` (which
 * must be attached to the document, carry the lang and font, and may be invisible), by
 * layPages: a block that does not fit moves whole to the next page, a heading moves with the
 * block after it, and only a block taller than a whole page is split (a paragraph between words,
 * a list or quote between its items). An image (a figure) is never split: its height is known before its
 * pixels load (its width and height attributes), and it is scaled to the column and to under a
 * page's height (--issue-image-max-height), so it moves whole to the next page or column. With
 * two columns the body uses column-fill: auto, so an overflow shows as an extra column to the
 * right (scrollWidth) rather than as height.
 */
export function paginate(host: HTMLElement, units: readonly Element[], box: PageBox): Element[][] {
  host.replaceChildren();
  const pages = layPages(
    units.map((unit) => unit.cloneNode(true) as Element),
    {
      newPage: () => domPage(newBody(host, box)),
      isHeadingLike,
      splitToFit: (page, unit) => splitToFit(page.body, unit),
    },
  );
  host.replaceChildren();
  return pages;
}

interface DomPage extends PageBody<Element> {
  readonly body: HTMLElement;
}

/** A page body in the measuring host: blocks go in and out of it, and it is measured. */
const domPage = (body: HTMLElement): DomPage => ({
  body,
  append: (unit) => body.append(unit),
  remove: (unit) => unit.remove(),
  overflows: () => overflows(body),
});

function newBody(host: HTMLElement, box: PageBox): HTMLElement {
  const page = host.ownerDocument.createElement('div');
  const body = host.ownerDocument.createElement('div');
  stylePage(page, body, box);
  page.append(body);
  host.append(page);
  return body;
}

const overflows = (body: HTMLElement): boolean =>
  body.scrollHeight > body.clientHeight + 1 || body.scrollWidth > body.clientWidth + 1;

/** The largest n in [1, max] for which fits(n) holds (fits is monotone), or 0. */
function largestFitting(max: number, fits: (n: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function fitsAlone(body: HTMLElement, el: Element): boolean {
  body.append(el);
  const fits = !overflows(body);
  el.remove();
  return fits;
}

function splitToFit(
  body: HTMLElement,
  unit: Element,
): { head: Element; tail: Element } | undefined {
  if (unit.tagName === 'P') return splitParagraph(body, unit);
  if (['UL', 'OL', 'BLOCKQUOTE'].includes(unit.tagName)) return splitChildren(body, unit);
  return undefined;
}

/** Splits between words, keeping inline markup (bold, italic, line breaks) on both sides. */
function splitParagraph(
  body: HTMLElement,
  p: Element,
): { head: Element; tail: Element } | undefined {
  const doc = p.ownerDocument;
  const breaks: { node: Text; offset: number }[] = [];
  const walker = doc.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    for (const match of text.data.matchAll(/\s+/g)) {
      breaks.push({ node: text, offset: match.index + match[0].length });
    }
  }
  const part = (from: number | undefined, to: number | undefined): Element => {
    const range = doc.createRange();
    const start = from === undefined ? undefined : breaks[from];
    const end = to === undefined ? undefined : breaks[to];
    if (start) range.setStart(start.node, start.offset);
    else range.setStart(p, 0);
    if (end) range.setEnd(end.node, end.offset);
    else range.setEnd(p, p.childNodes.length);
    const el = p.cloneNode(false) as Element;
    el.append(range.cloneContents());
    return el;
  };
  const n = largestFitting(breaks.length, (k) => fitsAlone(body, part(undefined, k - 1)));
  if (n === 0) return undefined;
  const tail = part(n - 1, undefined);
  tail.classList.add(CONTINUED_CLASS);
  return { head: part(undefined, n - 1), tail };
}

/** Splits a list or quote between its children; an ordered list's tail keeps its numbering. */
function splitChildren(
  body: HTMLElement,
  el: Element,
): { head: Element; tail: Element } | undefined {
  const children = [...el.children];
  const part = (from: number, to: number): Element => {
    const copy = el.cloneNode(false) as Element;
    for (const child of children.slice(from, to)) copy.append(child.cloneNode(true));
    return copy;
  };
  const n = largestFitting(children.length - 1, (k) => fitsAlone(body, part(0, k)));
  if (n === 0) return undefined;
  const tail = part(n, children.length);
  if (el.tagName === 'OL') {
    const start = Number(el.getAttribute('start') ?? '1');
    tail.setAttribute('start', String((Number.isFinite(start) ? start : 1) + n));
  }
  tail.classList.add(CONTINUED_CLASS);
  return { head: part(0, n), tail };
}
