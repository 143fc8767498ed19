/**
 * What the paginator needs of a page while it fills it: put a block in, take it out, and whether
 * what is in it now overflows the page. In the app a page is a measured DOM element (paginate);
 * the algorithm itself (layPages) knows nothing of the DOM.
 */
export interface PageBody<U> {
  append(unit: U): void;
  remove(unit: U): void;
  overflows(): boolean;
}

export interface LayRules<U, P extends PageBody<U>> {
  /** A fresh, empty page. */
  readonly newPage: () => P;
  /** A heading (or the masthead): never left last on a page when something follows it. */
  readonly isHeadingLike: (unit: U) => boolean;
  /**
   * For a block taller than a whole page: the largest head that fits alone on `page`, and the
   * rest; undefined when it cannot be split (then the page clips it).
   */
  readonly splitToFit: (page: P, unit: U) => { head: U; tail: U } | undefined;
}

/**
 * Lays `units` (top-level blocks in reading order) into pages and returns each page's blocks: a
 * block that does not fit moves whole to the next page, a heading moves with the block after it,
 * and only a block taller than a whole page is split (splitToFit), under the headings that open
 * the page if any. Nothing is lost, duplicated
 * or reordered: the pages read, in order, as the units did (split blocks as head then tail).
 */
export function layPages<U, P extends PageBody<U>>(
  units: readonly U[],
  rules: LayRules<U, P>,
): U[][] {
  const pages: U[][] = [];
  const queue = [...units];
  let body = rules.newPage();
  let current: U[] = [];
  const closePage = (): void => {
    pages.push(current);
    body = rules.newPage();
    current = [];
  };
  for (let unit = queue.shift(); unit !== undefined; unit = queue.shift()) {
    body.append(unit);
    if (!body.overflows()) {
      current.push(unit);
      continue;
    }
    body.remove(unit);
    if (current.length > 0 && current.every(rules.isHeadingLike)) {
      // Only headings so far, and a block taller than the rest of the page after them: start it
      // here, under them, rather than leave them alone on a page.
      const split = rules.splitToFit(body, unit);
      if (split) {
        body.append(split.head);
        current.push(split.head);
        queue.unshift(split.tail);
        closePage();
        continue;
      }
    }
    if (current.length === 0) {
      // Alone taller than a page: split it, or (an unsplittable block) let the page clip it.
      const split = rules.splitToFit(body, unit);
      const head = split?.head ?? unit;
      body.append(head);
      current.push(head);
      if (split) queue.unshift(split.tail);
      closePage();
      continue;
    }
    const carried: U[] = [unit];
    for (let last = current.at(-1); last && current.length > 1 && rules.isHeadingLike(last);) {
      current.pop();
      body.remove(last);
      carried.unshift(last);
      last = current.at(-1);
    }
    closePage();
    queue.unshift(...carried);
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return pages;
}
