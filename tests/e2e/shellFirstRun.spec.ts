import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../renderer/contentSecurityPolicy.ts';
import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import { createVault, lockNow, PASSPHRASE, unlock, VAULT_TIMEOUT_MS } from './shellSteps.ts';

/** No serious or critical axe violation; a light and a dark screenshot under test-results/. */
async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const scan = await new AxeBuilder({ page }).analyze();
  const bad = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath(`${name}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await new AxeBuilder({ page }).withTags(['wcag2aa']).analyze();
  expect(
    dark.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath(`${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('first run, vault, settings and unlock: accessible, localised, nothing in web storage', async ({
  person,
}, testInfo) => {
  test.setTimeout(3 * VAULT_TIMEOUT_MS);
  const headers = (await fetch(serverUrls().web)).headers;
  expect(headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');

  const { signal } = serverUrls();
  const { page, sockets } = await person(appUrl({ lang: 'en', signal: [signal] }));
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Quire' })).toBeVisible();
  await checkScreen(page, testInfo, 'first-run');

  // The language is chosen before the vault exists, in memory only.
  await page.getByRole('radio', { name: 'Українська' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ласкаво просимо до Quire' }),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Русский' }).check();
  await expect(page.getByRole('button', { name: 'У меня есть код приглашения' })).toBeVisible();
  await page.getByRole('radio', { name: 'English' }).check();

  // Six random words are suggested; a short or weak passphrase is refused, with the reason.
  await page.getByRole('button', { name: 'Start a new cell' }).click();
  await expect(page.getByText('Nobody can recover this passphrase.')).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue(/^(\S+ ){5}\S+$/);
  await page.getByLabel('Passphrase', { exact: true }).fill('password1');
  await expect(page.locator('.strength')).toHaveAttribute('data-score', /^[0-2]$/);
  await page.getByLabel('Type the passphrase again').fill('password1');
  await page.getByLabel('I understand that if I forget this passphrase').check();
  await page.getByRole('button', { name: 'Create my encrypted vault' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 20 characters');
  await page.getByLabel('Passphrase', { exact: true }).fill('passwordpasswordpassword1');
  await page.getByLabel('Type the passphrase again').fill('passwordpasswordpassword1');
  await page.getByRole('button', { name: 'Create my encrypted vault' }).click();
  await expect(page.getByRole('alert')).toContainText('too easy to guess');
  await checkScreen(page, testInfo, 'first-run-passphrase');
  await page.getByRole('button', { name: 'Back' }).click();

  await createVault(page);
  // The new-cell form is prefilled with the page's ?signal= rendezvous.
  await expect(page.getByLabel('Rendezvous servers')).toHaveValue(signal);

  const nav = page.getByRole('navigation', { name: 'Quire navigation' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText('Not available in a web browser')).toBeVisible();
  await expect(page.getByText('Ctrl+Shift+Alt+W')).toBeVisible();
  await checkScreen(page, testInfo, 'settings');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Lock automatically after').selectOption('15');

  await lockNow(page);
  await checkScreen(page, testInfo, 'unlock');

  // One generic error for a wrong passphrase, and a countdown before the next try.
  await page.getByLabel('Passphrase').fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase or damaged vault.', {
    timeout: VAULT_TIMEOUT_MS,
  });
  await expect(page.getByRole('alert')).toContainText('You can try again in 1 s.');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 5000 });
  await unlock(page);

  // The settings came back out of the sealed row.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page
    .getByRole('navigation', { name: 'Quire navigation' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await expect(page.getByLabel('Lock automatically after')).toHaveValue('15');

  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  for (const socket of sockets) expect(socket.replace(/\/$/, '')).toBe(signal);
});
