import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/locales/en.json';
import ru from '../../../renderer/i18n/locales/ru.json';
import uk from '../../../renderer/i18n/locales/uk.json';
import { LATIN_ALLOWED } from '../../support/latinAllowed.ts';

/** Keys whose value is the same in every language on purpose: the name and the endonyms. */
const SAME_IN_EVERY_LANGUAGE = new Set(['app.name', 'language.en', 'language.ru', 'language.uk']);

/** Flattens nested locale JSON to "a.b.c" -> value; non-string leaves are kept to be rejected. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) {
    out.set(prefix, tree);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [path, leaf] of flatten(value, prefix === '' ? key : `${prefix}.${key}`)) {
      out.set(path, leaf);
    }
  }
  return out;
}

const latinWords = (value: string): string[] =>
  value.replace(/\{\{\s*\w+\s*\}\}/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];

const interpolations = (value: string): string[] =>
  [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();

const locales = { en: flatten(en), ru: flatten(ru), uk: flatten(uk) };

describe('locale files', () => {
  it('have exactly the same keys', () => {
    const keys = [...locales.en.keys()].sort();
    expect(keys.length).toBeGreaterThan(10);
    expect([...locales.ru.keys()].sort()).toEqual(keys);
    expect([...locales.uk.keys()].sort()).toEqual(keys);
  });

  it('have only non-empty string values', () => {
    for (const [language, entries] of Object.entries(locales)) {
      for (const [key, value] of entries) {
        expect(typeof value === 'string' && value.trim() !== '', `${language}:${key}`).toBe(true);
      }
    }
  });

  it('use the same interpolation variables in every language', () => {
    for (const [key, value] of locales.en) {
      const expected = interpolations(String(value));
      expect(interpolations(String(locales.ru.get(key))), `ru:${key}`).toEqual(expected);
      expect(interpolations(String(locales.uk.get(key))), `uk:${key}`).toEqual(expected);
    }
  });

  it('translate everything except the allow-list', () => {
    for (const [key, value] of locales.en) {
      for (const language of ['ru', 'uk'] as const) {
        const same = locales[language].get(key) === value;
        expect(same, `${language}:${key}`).toBe(SAME_IN_EVERY_LANGUAGE.has(key));
      }
    }
  });

  it('leave no English word in Russian or Ukrainian outside the allow-list', () => {
    for (const language of ['ru', 'uk'] as const) {
      for (const [key, value] of locales[language]) {
        const stray = latinWords(String(value)).filter((word) => !LATIN_ALLOWED.has(word));
        expect(stray, `${language}:${key}`).toEqual([]);
      }
    }
  });

  it('the Latin-word check itself catches English and ignores variables', () => {
    expect(latinWords('Сохранить {{name}} в Quire')).toEqual(['Quire']);
    expect(latinWords('Сохранить draft')).toEqual(['draft']);
    expect(latinWords('ws:// и IP-адрес')).toEqual([]);
  });
});
