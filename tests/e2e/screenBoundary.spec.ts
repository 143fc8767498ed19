import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { expect, test } from '@playwright/test';

/**
 * Issue 14 item 6: one document that cannot be rendered must not take down a screen. A view that
 * throws inside a ScreenBoundary is replaced by a message and a way back, in each language, its
 * siblings stay, and nothing of the error's message (which may quote content) is logged.
 */

const bundle = async (): Promise<string> => {
  const out = await build({
    entryPoints: ['tests/e2e/boundaryPage.tsx'],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('no bundle');
  return file.text;
};

const messages = (lang: string): { draft: string; back: string } => {
  const json = JSON.parse(readFileSync(`renderer/i18n/locales/${lang}.json`, 'utf8')) as {
    app: { boundary: { draft: string; back: string } };
  };
  return json.app.boundary;
};

for (const lang of ['en', 'ru', 'uk']) {
  test(`a draft view that throws is contained (${lang})`, async ({ page }) => {
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    page.on('pageerror', (e) => logged.push(`pageerror: ${e.message}`));
    await page.setContent(`<html lang="${lang}"><body><div id="root"></div></body></html>`);
    await page.addScriptTag({ content: await bundle() });
    const expected = messages(lang);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(expected.draft);
    await expect(page.getByTestId('sibling')).toBeVisible();
    await alert.getByRole('button', { name: expected.back }).click();
    await expect(page.getByTestId('list')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(logged.some((line) => line.includes('the draft view failed to render'))).toBe(true);
    expect(logged.filter((line) => line.includes('SECRET'))).toEqual([]);
  });
}
