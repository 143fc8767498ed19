import { describe, expect, it } from 'vitest';
import { hyphenate } from '../../../shared/export/hyphenate.ts';
import { printTypography } from '../../../shared/export/printTypography.ts';
import { typesetBlocks } from '../../../shared/export/typesetBlocks.ts';

/** Known answers written with visible marks: ⍽ no-break space, ~ soft hyphen. */
const visible = (text: string): string => text.replace(/\u00a0/g, '⍽').replace(/\u00ad/g, '~');
const typeset = (texts: readonly string[], lang: 'en' | 'ru' | 'uk'): string[] =>
  printTypography(texts, lang).map(visible);

describe('print typography', () => {
  it('sets Russian quotes, dashes, dialogue, initials and №', () => {
    expect(typeset(['"Мы придём", - сказал он -- и ушёл.'], 'ru')).toEqual([
      '«Мы придём»,⍽— сказал он⍽— и ушёл.',
    ]);
    expect(typeset(['"Он сказал "да" и ушёл"'], 'ru')).toEqual(['«Он сказал „да“ и ушёл»']);
    expect(typeset(['- Кто там? – спросил А. С. Пушкин.'], 'ru')).toEqual([
      '—⍽Кто там?⍽— спросил А.⍽С.⍽Пушкин.',
    ]);
    expect(typeset(['Письмо Пушкину А. С., выпуск № 12'], 'ru')).toEqual([
      'Письмо Пушкину⍽А.⍽С., выпуск №⍽12',
    ]);
  });

  it('sets Ukrainian quotes, dashes and the apostrophe', () => {
    expect(typeset(['"Пам\'ять - це "наше" все" - сказав Т. Г. Шевченко'], 'uk')).toEqual([
      '«Пам’ять⍽— це „наше“ все»⍽— сказав Т.⍽Г.⍽Шевченко',
    ]);
  });

  it('sets English quotes and spaced dashes, and keeps a typed en dash', () => {
    expect(
      typeset(['We met - "all of us" -- and J. R. R. Tolkien – "Bilbo\'s" friend.'], 'en'),
    ).toEqual(['We met⍽— “all of us”⍽— and J.⍽R.⍽R.⍽Tolkien⍽– “Bilbo’s” friend.']);
    // No dialogue dash in English: a leading hyphen stays.
    expect(typeset(['- not a dialogue'], 'en')).toEqual(['- not a dialogue']);
  });

  it('leaves hyphens in words, number ranges and addresses alone', () => {
    const text = 'кто-нибудь, 1941-1945, 2026-11-07, https://example.org/a-b?c=d - e';
    expect(typeset([text], 'ru')).toEqual([
      'кто-нибудь, 1941-1945, 2026-11-07, https://example.org/a-b?c=d⍽— e',
    ]);
  });

  it('works across the inlines of a block and keeps their count', () => {
    expect(typeset(['Он ', 'жирно', ' - ', 'дальше'], 'ru')).toEqual([
      'Он ',
      'жирно',
      '⍽— ',
      'дальше',
    ]);
    expect(typeset(['Слово -', ' ', 'слово', ''], 'ru')).toEqual(['Слово⍽— ', '', 'слово', '']);
  });
});

describe('a long paragraph from a peer', () => {
  it('is set in linear time and never overflows the stack', () => {
    const text = 'Слово - "другое" А. Б. Пушкин, №5 молоко '.repeat(10_000);
    const [block] = typesetBlocks(
      [{ type: 'paragraph', inlines: [{ text }, { text, bold: true }] }],
      'ru',
    );
    const inlines = block?.type === 'paragraph' ? block.inlines : [];
    expect(inlines).toHaveLength(2);
    expect(inlines[1]?.text.replaceAll('\u00ad', '')).toContain('Пушкин, №\u00a05');
  }, 20_000);
});

describe('hyphenation by syllables (ru, uk)', () => {
  it('breaks Russian words between syllables, never one letter alone', () => {
    expect(
      visible(
        hyphenate('молоко касса сестра бойня подъезд деньги окно поэт аудитория район я он', 'ru'),
      ),
    ).toBe('мо~ло~ко кас~са сес~тра бой~ня подъ~езд день~ги ок~но по~эт ау~ди~то~рия рай~он я он');
    expect(visible(hyphenate('Жильцы собрались в читальном зале.', 'ru'))).toBe(
      'Жиль~цы соб~ра~лись в чи~таль~ном за~ле.',
    );
  });

  it('breaks Ukrainian words, keeping дж/дз and the apostrophe with their letters', () => {
    expect(visible(hyphenate('Ґанок біля під’їзду, ходжу, дзвоник, об’єкт, сім’я', 'uk'))).toBe(
      'Ґа~нок бі~ля під’~їз~ду, хо~джу, дзво~ник, об’~єкт, сім’я',
    );
  });

  it('leaves abbreviations, compounds’ hyphens, addresses and other scripts alone', () => {
    const text = 'НАТО ЖКХ кто-нибудь пример.рф https://сайт.рф/путь почта@сайт.рф Hello';
    expect(visible(hyphenate(text, 'ru'))).toBe(
      'НАТО ЖКХ кто-ни~будь пример.рф https://сайт.рф/путь почта@сайт.рф Hello',
    );
  });

  it('only adds soft hyphens', () => {
    const text = 'Їхні сусіди з будинку навпроти теж долучаться, якщо ми покличемо заздалегідь.';
    expect(hyphenate(text, 'uk').replaceAll('\u00ad', '')).toBe(text);
  });
});

describe('typesetBlocks', () => {
  it('hyphenates body text, not headings, and never a link address', () => {
    const [heading, paragraph] = typesetBlocks(
      [
        { type: 'heading', level: 1, inlines: [{ text: 'Собрание "жильцов"' }] },
        {
          type: 'paragraph',
          inlines: [
            { text: 'Подробности - ' },
            { text: 'ссылка', href: 'https://example.org/собрание-жильцов' },
          ],
        },
      ],
      'ru',
    );
    expect(heading).toEqual({
      type: 'heading',
      level: 1,
      inlines: [{ text: 'Собрание «жильцов»' }],
    });
    expect(paragraph).toEqual({
      type: 'paragraph',
      inlines: [
        { text: 'Под\u00adроб\u00adнос\u00adти\u00a0— ' },
        { text: 'ссыл\u00adка', href: 'https://example.org/собрание-жильцов' },
      ],
    });
  });
});
