import latin400 from '@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff2?url';
import latin400Italic from '@fontsource/noto-serif/files/noto-serif-latin-400-italic.woff2?url';
import latin700 from '@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff2?url';
import latin700Italic from '@fontsource/noto-serif/files/noto-serif-latin-700-italic.woff2?url';
import latinExt400 from '@fontsource/noto-serif/files/noto-serif-latin-ext-400-normal.woff2?url';
import latinExt400Italic from '@fontsource/noto-serif/files/noto-serif-latin-ext-400-italic.woff2?url';
import latinExt700 from '@fontsource/noto-serif/files/noto-serif-latin-ext-700-normal.woff2?url';
import latinExt700Italic from '@fontsource/noto-serif/files/noto-serif-latin-ext-700-italic.woff2?url';
import cyrillic400 from '@fontsource/noto-serif/files/noto-serif-cyrillic-400-normal.woff2?url';
import cyrillic400Italic from '@fontsource/noto-serif/files/noto-serif-cyrillic-400-italic.woff2?url';
import cyrillic700 from '@fontsource/noto-serif/files/noto-serif-cyrillic-700-normal.woff2?url';
import cyrillic700Italic from '@fontsource/noto-serif/files/noto-serif-cyrillic-700-italic.woff2?url';
import cyrillicExt400 from '@fontsource/noto-serif/files/noto-serif-cyrillic-ext-400-normal.woff2?url';
import cyrillicExt400Italic from '@fontsource/noto-serif/files/noto-serif-cyrillic-ext-400-italic.woff2?url';
import cyrillicExt700 from '@fontsource/noto-serif/files/noto-serif-cyrillic-ext-700-normal.woff2?url';
import cyrillicExt700Italic from '@fontsource/noto-serif/files/noto-serif-cyrillic-ext-700-italic.woff2?url';

/**
 * The issue's typeface: Noto Serif (SIL OFL) in the Latin and Cyrillic subsets, regular and bold,
 * upright and italic, shipped in the app bundle (Vite copies each woff2 as an asset). Never fetched
 * from a network: the preview uses the bundled files from 'self', exports embed them as data: URLs.
 */
export const ISSUE_FONT_FAMILY = 'Noto Serif';

/** unicode-range per subset, as @fontsource declares it, so each subset loads only when needed. */
const RANGES = {
  latin:
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  'latin-ext':
    'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  cyrillic: 'U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116',
  'cyrillic-ext': 'U+0460-052F, U+1C80-1C8A, U+20B4, U+2DE0-2DFF, U+A640-A69F, U+FE2E-FE2F',
} as const;

export interface IssueFontFace {
  readonly url: string;
  readonly weight: 400 | 700;
  readonly style: 'normal' | 'italic';
  readonly range: string;
}

export const ISSUE_FONT_FACES: readonly IssueFontFace[] = [
  { url: latin400, weight: 400, style: 'normal', range: RANGES['latin'] },
  { url: latin400Italic, weight: 400, style: 'italic', range: RANGES['latin'] },
  { url: latin700, weight: 700, style: 'normal', range: RANGES['latin'] },
  { url: latin700Italic, weight: 700, style: 'italic', range: RANGES['latin'] },
  { url: latinExt400, weight: 400, style: 'normal', range: RANGES['latin-ext'] },
  { url: latinExt400Italic, weight: 400, style: 'italic', range: RANGES['latin-ext'] },
  { url: latinExt700, weight: 700, style: 'normal', range: RANGES['latin-ext'] },
  { url: latinExt700Italic, weight: 700, style: 'italic', range: RANGES['latin-ext'] },
  { url: cyrillic400, weight: 400, style: 'normal', range: RANGES['cyrillic'] },
  { url: cyrillic400Italic, weight: 400, style: 'italic', range: RANGES['cyrillic'] },
  { url: cyrillic700, weight: 700, style: 'normal', range: RANGES['cyrillic'] },
  { url: cyrillic700Italic, weight: 700, style: 'italic', range: RANGES['cyrillic'] },
  { url: cyrillicExt400, weight: 400, style: 'normal', range: RANGES['cyrillic-ext'] },
  { url: cyrillicExt400Italic, weight: 400, style: 'italic', range: RANGES['cyrillic-ext'] },
  { url: cyrillicExt700, weight: 700, style: 'normal', range: RANGES['cyrillic-ext'] },
  { url: cyrillicExt700Italic, weight: 700, style: 'italic', range: RANGES['cyrillic-ext'] },
];

/** @font-face rules for every face, `src` given per face (an asset URL or a data: URL). */
export const fontFaceCss = (src: (face: IssueFontFace) => string): string =>
  ISSUE_FONT_FACES.map(
    (face) =>
      `@font-face { font-family: '${ISSUE_FONT_FAMILY}'; font-style: ${face.style}; ` +
      `font-weight: ${face.weight}; font-display: block; src: url("${src(face)}") format('woff2'); ` +
      `unicode-range: ${face.range}; }`,
  ).join('\n');
