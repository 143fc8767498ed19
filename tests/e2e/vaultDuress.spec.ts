import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import {
  createCell,
  createVault,
  lockNow,
  PASSPHRASE,
  unlock,
  VAULT_TIMEOUT_MS,
} from './shellSteps.ts';

const DURESS = 'kettle autumn library biscuit window parcel';
const REAL_CELL = 'Samizdat canary cell';
const DECOY_CELL = 'Elm Street neighbourhood newsletter';

/**
 * Issue 15: a duress passphrase set in Settings opens only the decoy (its own harmless cell,
 * working), and the real passphrase still opens the real cells. Unlock times are printed, not
 * asserted (the KDF work is the same by construction: one derivation, both slots tried).
 */
test('unlocking with the duress passphrase shows only the decoy', async ({ person }) => {
  test.setTimeout(6 * VAULT_TIMEOUT_MS);
  const { page } = await person(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  const nav = page.getByRole('navigation', { name: 'Quire navigation' });
  await createVault(page);
  await createCell(page, REAL_CELL, 'Vera');

  await nav.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('textbox', { name: 'Duress passphrase', exact: true }).fill(DURESS);
  await page.getByLabel('Type the duress passphrase again', { exact: true }).fill(DURESS);
  await page.getByRole('radio', { name: 'A neighbourhood newsletter' }).check();
  await expect(page.getByLabel('Rendezvous server for the decoy cell')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Set the duress passphrase' }).click();
  await expect(page.getByRole('status')).toContainText('The duress passphrase is set', {
    timeout: VAULT_TIMEOUT_MS,
  });
  // Nothing in the real vault's screens changed.
  await expect(nav.getByRole('button', { name: REAL_CELL })).toBeVisible();
  await expect(nav.getByRole('button', { name: DECOY_CELL })).toHaveCount(0);

  await lockNow(page);
  let t0 = Date.now();
  await unlock(page, DURESS);
  const duressMs = Date.now() - t0;
  await expect(nav.getByRole('button', { name: DECOY_CELL })).toBeVisible();
  await expect(page.getByText(REAL_CELL)).toHaveCount(0);
  // The decoy works: its cell opens with the template's draft, and takes new work.
  await nav.getByRole('button', { name: DECOY_CELL }).click();
  await expect(page.getByRole('heading', { level: 1, name: DECOY_CELL })).toBeVisible();
  await expect(page.getByText('Spring issue').first()).toBeVisible();
  // Its Settings look like every installation's.
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Duress passphrase' })).toBeVisible();

  await lockNow(page);
  t0 = Date.now();
  await unlock(page, PASSPHRASE);
  const normalMs = Date.now() - t0;
  await expect(nav.getByRole('button', { name: REAL_CELL })).toBeVisible();
  await expect(nav.getByRole('button', { name: DECOY_CELL })).toHaveCount(0);
  // Once more each way: the decoy's first unlock also builds its first local snapshots.
  const times: Record<string, number[]> = { duress: [duressMs], normal: [normalMs] };
  for (const [kind, pass] of [
    ['duress', DURESS],
    ['normal', PASSPHRASE],
  ] as const) {
    await lockNow(page);
    t0 = Date.now();
    await unlock(page, pass);
    times[kind]!.push(Date.now() - t0);
  }
  console.log(`unlock to navigation (ms): ${JSON.stringify(times)}`);
});
