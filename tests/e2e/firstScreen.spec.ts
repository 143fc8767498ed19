import AxeBuilder from '@axe-core/playwright';
import { CONTENT_SECURITY_POLICY } from '../../renderer/contentSecurityPolicy.ts';
import { appUrl, connectionStatus, expect, serverUrls, test } from './fixtures.ts';

test('the first screen is accessible, served under our CSP, and offline without a rendezvous', async ({
  person,
}, testInfo) => {
  const headers = (await fetch(serverUrls().web)).headers;
  expect(headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');

  const { page, sockets } = await person(appUrl({ lang: 'en' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Quire' })).toBeVisible();
  await expect(connectionStatus(page)).toHaveAttribute('data-state', 'off');
  await expect(connectionStatus(page)).toContainText('no rendezvous server is set');
  await expect(page.getByText('No drafts yet.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('first-screen-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('first-screen-dark.png'), fullPage: true });

  const scan = await new AxeBuilder({ page }).analyze();
  expect(scan.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  // Without a configured rendezvous nothing connects anywhere (no public default).
  expect(sockets).toEqual([]);
});

test('the language switcher changes every string and the document language', async ({ person }) => {
  const { page } = await person(appUrl({ lang: 'en' }));
  const switcher = page.getByRole('combobox', { name: 'Language' });
  await switcher.selectOption('ru');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { name: 'Черновики' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Создать черновик' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Соединение' })).toContainText('Не в сети');

  await page.getByRole('combobox', { name: 'Язык' }).selectOption('uk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(page.getByRole('heading', { name: 'Чернетки' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Назва нової чернетки' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Мова' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Drafts' })).toBeVisible();
});
