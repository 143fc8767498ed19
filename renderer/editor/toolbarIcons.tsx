import type { ReactElement } from 'react';

const svg = (path: string): ReactElement => (
  <svg
    viewBox="0 0 20 20"
    width="18"
    height="18"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.7"
    strokeLinecap="round"
    strokeLinejoin="round"
    focusable="false"
  >
    <path d={path} />
  </svg>
);

/** Decorative toolbar glyphs (the buttons carry their names); drawn, so no icon font is fetched. */
export const toolbarIcons = {
  bulletList: svg('M7 5h10M7 10h10M7 15h10M3.5 5h.01M3.5 10h.01M3.5 15h.01'),
  orderedList: svg('M8 5h9M8 10h9M8 15h9M3 4l1-1v4M3 13.5c0-1 2-1 2 0S3 15 3 16h2'),
  blockquote: svg('M4 7h4v4H5v2M12 7h4v4h-3v2'),
  horizontalRule: svg('M3 10h14'),
  link: svg('M8.5 11.5l3-3M7 9l-2 2a2.5 2.5 0 003.5 3.5l2-2M13 11l2-2a2.5 2.5 0 00-3.5-3.5l-2 2'),
  openLink: svg('M11 4h5v5M16 4l-7 7M14 12v4H4V6h4'),
  image: svg('M3 4h14v12H3zM3 13l4-4 4 4 2-2 4 4M12.5 7.5h.01'),
  undo: svg('M7 5L3 9l4 4M3 9h9a5 5 0 010 10h-2'),
  redo: svg('M13 5l4 4-4 4M17 9H8a5 5 0 000 10h2'),
} as const;
