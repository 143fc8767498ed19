import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import { createCell, createVault, unlock, VAULT_TIMEOUT_MS } from './shellSteps.ts';

/** `?autolockMs=` (web build only) shortens the configured auto-lock delay for this test. */
const AUTOLOCK_MS = 4000;

test('auto-lock after inactivity unmounts every decrypted string; unlocking brings them back', async ({
  person,
}) => {
  test.setTimeout(3 * VAULT_TIMEOUT_MS);
  const url = new URL(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  url.searchParams.set('autolockMs', String(AUTOLOCK_MS));
  const { page } = await person(url.toString());
  await createVault(page);

  const cellName = 'Autolock cell 7f3a';
  const draftTitle = 'Issue about the autolock';
  const draftText = 'Text that must vanish on lock 91c2';
  await createCell(page, cellName, 'Nightjar');
  await page.getByRole('textbox', { name: 'Title of a new draft' }).fill(draftTitle);
  await page.getByRole('button', { name: 'Create draft' }).click();
  const editor = page.getByRole('textbox', { name: `Text of “${draftTitle}”` });
  // A new draft opens with the caret in its body (issue #19 item 10): no click needed.
  await expect(editor).toBeFocused();
  await page.keyboard.type(draftText);
  await expect(editor).toHaveText(draftText);
  const lastActivity = Date.now();

  // No input from here on: the app locks by itself.
  await expect(page.getByRole('heading', { level: 1, name: 'Quire is locked' })).toBeVisible({
    timeout: AUTOLOCK_MS + 10_000,
  });
  expect(Date.now() - lastActivity).toBeGreaterThanOrEqual(AUTOLOCK_MS - 500);
  const html = await page.content();
  for (const secret of [cellName, draftTitle, draftText, 'Nightjar'])
    expect(html).not.toContain(secret);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(cellName);

  await unlock(page);
  await expect(page.getByRole('heading', { level: 1, name: cellName })).toBeVisible();
  // Back in the same place: the draft open, and still after a visit to another tab.
  await expect(editor).toHaveText(draftText);
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await expect(editor).toBeHidden();
  await page.getByRole('tab', { name: 'Drafts' }).click();
  await expect(editor).toHaveText(draftText);
});
