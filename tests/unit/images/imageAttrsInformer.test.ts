import { describe, expect, it } from 'vitest';
import { readImageAttrs } from '../../../shared/images/readImageAttrs.ts';

const ID = 'ab'.repeat(16);

/** Zero-width, bidi, tag and other format characters, controls and line breaks. */
const HIDDEN = /[\p{Cf}\p{Cc}\u2028\u2029]/u;

describe("an informer's image node with hidden characters in its alt text and caption", () => {
  it('reaches the screen and the print without them', () => {
    // A mark nobody sees: zero-width characters, a bidi override reversing what follows, tag
    // characters (U+E0001...), a bell and a line break. Each copy of an issue could carry its own.
    const caption =
      'Sat\u200burday\u200c\u200d\u2060 \u202emarch\u202c \u{e0041}\u{e0042}\u0007\nnight';
    const attrs = readImageAttrs({ id: ID, alt: `A\u200bcrowd\ufeff\u2028`, caption, width: 8 });
    expect(attrs?.caption).not.toMatch(HIDDEN);
    expect(attrs?.alt).not.toMatch(HIDDEN);
    expect(attrs).toMatchObject({ alt: 'Acrowd', caption: 'Saturday march night' });
  });
});
