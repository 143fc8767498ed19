/** One sheet of a booklet: the two pages on each side, left and right (null = blank). */
export interface BookletSheet {
  readonly front: readonly [left: number | null, right: number | null];
  readonly back: readonly [left: number | null, right: number | null];
}

/** More pages than any stapled booklet; beyond this the order is not computed. */
export const BOOKLET_MAX_PAGES = 1000;

/**
 * Saddle-stitch imposition of `pageCount` pages (0-based indexes): the count is padded with
 * blanks at the end to a multiple of four, and sheet k (outermost first) carries on its front
 * the last unplaced page on the left and the first on the right, on its back the second and the
 * second-to-last. Printed both sides (flip on the short edge), stacked in order and folded, the
 * pages read 1, 2, 3... An invalid count gives no sheets.
 */
export function bookletOrder(pageCount: number): { sheets: BookletSheet[] } {
  if (!Number.isInteger(pageCount) || pageCount <= 0 || pageCount > BOOKLET_MAX_PAGES) {
    return { sheets: [] };
  }
  const padded = Math.ceil(pageCount / 4) * 4;
  const page = (index: number): number | null => (index < pageCount ? index : null);
  const sheets: BookletSheet[] = [];
  for (let k = 0; k < padded / 4; k++) {
    sheets.push({
      front: [page(padded - 1 - 2 * k), page(2 * k)],
      back: [page(2 * k + 1), page(padded - 2 - 2 * k)],
    });
  }
  return { sheets };
}
