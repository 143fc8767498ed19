import { describe, expect, it } from 'vitest';
import { hyphenate } from '../../../shared/export/hyphenate.ts';
import { englishBreaks } from '../../../shared/export/hyphenateEnglish.ts';

/** Soft hyphens shown as ~. */
const visible = (text: string): string => text.replace(/\u00ad/g, '~');

describe('English hyphenation (TeX en-us patterns, no system dictionary)', () => {
  it('breaks words where TeX does, two letters or more before a break and three after', () => {
    expect(
      visible(
        hyphenate(
          'hyphenation algorithm beautiful newspaper independent demonstration government neighborhood democracy university',
          'en',
        ),
      ),
    ).toBe(
      'hy~phen~ation al~go~rithm beau~ti~ful news~pa~per in~de~pen~dent demon~stra~tion gov~ern~ment neigh~bor~hood democ~racy uni~ver~sity',
    );
    // Short words and one-letter edges stay whole.
    expect(visible(hyphenate('a an the cover later never', 'en'))).toBe(
      'a an the cover later never',
    );
  });

  it("keeps the patterns' own exceptions (hyphen.tex)", () => {
    expect(visible(hyphenate('associate declination table project present', 'en'))).toBe(
      'as~so~ciate dec~li~na~tion ta~ble project present',
    );
  });

  it('leaves abbreviations, addresses, apostrophes and Latin words in ru/uk issues alone', () => {
    const text = 'NATO UNESCO example.org https://example.org/demonstration isn’t Demonstration';
    expect(visible(hyphenate(text, 'en'))).toBe(
      'NATO UNESCO example.org https://example.org/demonstration isn’t Demon~stra~tion',
    );
    expect(hyphenate('demonstration', 'ru')).toBe('demonstration');
    // Cyrillic words in an English issue keep their rules.
    expect(visible(hyphenate('молоко', 'en'))).toBe('мо~ло~ко');
  });

  it('only adds soft hyphens, and the same ones every time', () => {
    const text = 'Neighbours printed the newsletter together, independently of the authorities.';
    expect(hyphenate(text, 'en').replaceAll('\u00ad', '')).toBe(text);
    expect(hyphenate(text, 'en')).toBe(hyphenate(text, 'en'));
    expect(englishBreaks('Independently')).toEqual(englishBreaks('independently'));
  });
});
