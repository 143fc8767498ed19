/**
 * The tallest an image prints on a page whose content box is `contentHeightMm` tall: three fifths
 * of it, so that an image, its caption and the heading above it always fit on one page and no
 * image is ever split (issueCss for the exported file, stylePage for the preview's pages).
 */
export const imageMaxHeightMm = (contentHeightMm: number): number =>
  Math.round(contentHeightMm * 0.6);
