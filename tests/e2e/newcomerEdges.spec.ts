import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import { PASSPHRASE, VAULT_TIMEOUT_MS } from './shellSteps.ts';

/** Rough edges a newcomer hit in the three-person walk-through (issue 19). */

test('a fill-and-click made before the strength check answers still creates the vault', async ({
  person,
}) => {
  test.setTimeout(2 * VAULT_TIMEOUT_MS);
  const { page } = await person(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  await page.getByRole('button', { name: 'Start a new cell' }).click();
  // As a password manager does: both fields and the box at once, then the click, no pause.
  await page.getByLabel('I understand that if I forget this passphrase').check();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create my encrypted vault' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New cell' })).toBeVisible({
    timeout: VAULT_TIMEOUT_MS,
  });
});
