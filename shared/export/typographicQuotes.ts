export type IssueLanguage = 'en' | 'ru' | 'uk';

/** Outer and inner quote pairs per language: «ёлочки» with „лапки“ inside for ru/uk. */
const QUOTES: Record<IssueLanguage, readonly [string, string, string, string]> = {
  en: ['\u201c', '\u201d', '\u2018', '\u2019'],
  ru: ['\u00ab', '\u00bb', '\u201e', '\u201c'],
  uk: ['\u00ab', '\u00bb', '\u201e', '\u201c'],
};

/** A straight quote opens after these (or at the start), and closes otherwise. */
const OPENS_AFTER = /[\s([{\u2014\u2013\u00ab\u201e\u201c\u2018-]/;

/**
 * Replaces straight quotes with the language's typographic ones across a run of texts (the
 * inlines of one block, so a quote may open in plain text and close in bold). Outside quotes a
 * `"` opens; inside, it opens a nested quote after a space or an opening bracket and closes
 * otherwise. An apostrophe between letters becomes ’. Returns one string per input text.
 */
export function typographicQuotes(texts: readonly string[], lang: IssueLanguage): string[] {
  const [open, close, innerOpen, innerClose] = QUOTES[lang];
  let depth = 0;
  let previous = '';
  return texts.map((text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const char = text[i] ?? '';
      const next = text[i + 1] ?? '';
      let written = char;
      if (char === '"') {
        if (depth === 0) {
          written = open;
          depth = 1;
        } else if (depth === 1 && (previous === '' || OPENS_AFTER.test(previous))) {
          written = innerOpen;
          depth = 2;
        } else {
          depth--;
          written = depth === 0 ? close : innerClose;
        }
      } else if (char === "'" && /\p{L}/u.test(previous) && /\p{L}/u.test(next)) {
        written = '\u2019';
      }
      out += written;
      // The character just written, never out's last: indexing a string being built flattens
      // it every time, quadratic on a long paragraph.
      previous = written;
    }
    return out;
  });
}
