import type { Page, TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect } from './fixtures.ts';
import { seriousViolations } from './checkScreen.ts';
import { LATIN_ALLOWED } from '../support/latinAllowed.ts';

export type Lang = 'en' | 'ru' | 'uk';

/** Flattens nested locale JSON to "a.b.c" -> value. */
function flatten(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (typeof tree === 'object' && tree !== null) {
    for (const [key, value] of Object.entries(tree)) {
      for (const entry of flatten(value, prefix === '' ? key : `${prefix}.${key}`)) {
        out.set(...entry);
      }
    }
  }
  return out;
}

/** Read from disk: Playwright loads this file as ESM, where JSON imports need attributes. */
const load = (lang: Lang): Map<string, string> =>
  flatten(
    JSON.parse(
      readFileSync(new URL(`../../renderer/i18n/locales/${lang}.json`, import.meta.url), 'utf8'),
    ),
  );

const FLAT: Record<Lang, Map<string, string>> = { en: load('en'), ru: load('ru'), uk: load('uk') };

/** The locale string `key` in `lang` with `{{vars}}` filled in, as the app shows it. */
export function tr(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const value = FLAT[lang].get(key);
  if (value === undefined) throw new Error(`no locale key ${key}`);
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every English value that the other languages translate (not the product name or the
 * endonyms), as a matcher: a template's variables match anything, its words must be there.
 */
function englishMatchers(lang: Exclude<Lang, 'en'>): { key: string; test(s: string): boolean }[] {
  const out: { key: string; test(s: string): boolean }[] = [];
  for (const [key, value] of FLAT.en) {
    if (FLAT[lang].get(key) === value) continue;
    const literal = value.replace(/\{\{\s*\w+\s*\}\}/g, '');
    if (!/[A-Za-z]{2,}/.test(literal)) continue;
    const pattern = new RegExp(
      `^${value
        .split(/\{\{\s*\w+\s*\}\}/)
        .map(escape)
        .join('.+')}$`,
      's',
    );
    out.push({ key, test: (s) => s === value || pattern.test(s) });
  }
  return out;
}

/**
 * What a person can read or hear on the page: visible text nodes, and the accessible names,
 * descriptions, placeholders, titles and options of every element. Text inside an element marked
 * with another language (safety words, the language names) and typed text are left out.
 */
function collectStrings(page: Page): Promise<{ text: string; code: boolean }[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const foreign = (el: Element): boolean => {
      const marked = el.closest('[lang]');
      return (
        marked !== null &&
        marked !== document.documentElement &&
        marked.getAttribute('lang') !== pageLang
      );
    };
    const typed = (el: Element): boolean => el.closest('[contenteditable], textarea') !== null;
    const out: { text: string; code: boolean }[] = [{ text: document.title, code: false }];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').trim();
      const parent = node.parentElement;
      if (text === '' || !parent || foreign(parent) || typed(parent)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      out.push({ text, code: parent.closest('code') !== null });
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (foreign(el)) continue;
      for (const attr of ['aria-label', 'aria-description', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push({ text: value, code: false });
      }
      if (el instanceof HTMLOptionElement) out.push({ text: el.text.trim(), code: false });
    }
    return out;
  });
}

/**
 * Fails if the page shows any English the locale files translate, or any Latin word that is
 * neither allowed nor data the test typed (`data`: pseudonyms, titles, notes...).
 */
export async function expectNoEnglish(
  page: Page,
  lang: Exclude<Lang, 'en'>,
  screen: string,
  data: readonly string[] = [],
): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const matchers = englishMatchers(lang);
  const problems: string[] = [];
  for (const { text, code } of await collectStrings(page)) {
    const english = matchers.find((m) => m.test(text));
    if (english) {
      problems.push(`"${text}" is English (${english.key})`);
      continue;
    }
    if (code) continue;
    let rest = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, ' ');
    for (const datum of data) rest = rest.split(datum).join(' ');
    const latin = (rest.match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !LATIN_ALLOWED.has(word));
    if (latin.length > 0) problems.push(`"${text}" has Latin words: ${latin.join(', ')}`);
  }
  expect([...new Set(problems)], `${screen} in ${lang}`).toEqual([]);
}

/**
 * No serious or critical axe finding; a full-page screenshot in light and dark. Colour contrast
 * belongs to the theme, not the language: it is checked on every screen in English, light and
 * dark, while Russian and Ukrainian get every other rule (names, labels, roles, structure) on the
 * same screens. That halves the sweep's axe time, most of which is the contrast rule.
 */
export async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  lang: Lang,
  screen: string,
): Promise<void> {
  const contrast = lang === 'en';
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    if (scheme === 'light' || contrast)
      expect(
        await seriousViolations(page, scheme, { contrast }),
        `${screen} in ${lang} (${scheme})`,
      ).toEqual([]);
    await page.screenshot({
      path: testInfo.outputPath(`${lang}-${screen}-${scheme}.png`),
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
