import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * axe's serious and critical findings on the page as it is now, one line each. The dark theme
 * changes colours only, so a scan of it (after one of the same screen in light) runs only the
 * colour-contrast rule: the other rules would answer as they did, at twice the cost. Without
 * `contrast`, a light scan runs every rule but colour contrast (the most expensive one).
 */
export async function seriousViolations(
  page: Page,
  scheme: 'light' | 'dark' = 'light',
  { contrast = true }: { readonly contrast?: boolean } = {},
): Promise<string[]> {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  if (scheme === 'dark') builder.withRules(['color-contrast']);
  else if (!contrast) builder.disableRules(['color-contrast']);
  const scan = await builder.analyze();
  return scan.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * No serious or critical axe finding, in the light and the dark theme; a full-page screenshot of
 * each, written as a test artifact named `${name}-${scheme}.png`.
 */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page, scheme), `${name} (${scheme})`).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
