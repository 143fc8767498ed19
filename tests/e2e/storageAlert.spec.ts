import { checkScreen } from './checkScreen.ts';
import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import {
  createVault,
  lockNow,
  openProfile,
  removeProfile,
  unlock,
  VAULT_TIMEOUT_MS,
} from './shellSteps.ts';

/**
 * Flips one byte in every row of the vault's sealed `settings` table, straight in IndexedDB (its
 * storage bucket where the browser has them), as a failing disk would. Returns how many rows.
 */
const damageSettingsRows = `(async () => {
  const buckets = navigator.storageBuckets;
  let factory = indexedDB;
  // The vault's bucket has a random name (renderer/shell/vaultDatabase.ts): the one holding it.
  for (const name of buckets ? await buckets.keys() : []) {
    const f = (await buckets.open(name)).indexedDB;
    if ((await f.databases()).some((d) => d.name === 'quire')) factory = f;
  }
  const db = await new Promise((resolve, reject) => {
    const req = factory.open('quire');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rows = await new Promise((resolve, reject) => {
    const req = db.transaction('settings', 'readonly').objectStore('settings').getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise((resolve, reject) => {
    const tx = db.transaction('settings', 'readwrite');
    for (const row of rows) {
      const bytes = row.bytes.slice();
      bytes[30] ^= 1;
      tx.objectStore('settings').put({ id: row.id, bytes });
    }
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return rows.length;
})()`;

test('a row damaged on this device: after unlock the app says so in one line, until dismissed', async ({
  launchOptions,
}, testInfo) => {
  test.setTimeout(3 * VAULT_TIMEOUT_MS);
  const profile = await openProfile(
    launchOptions,
    appUrl({ lang: 'en', signal: [serverUrls().signal] }),
  );
  const { page } = profile;
  try {
    await createVault(page);
    const banner = page.locator('.storage-alert');
    await expect(banner).toHaveCount(0);
    await lockNow(page);
    expect(await page.evaluate(damageSettingsRows)).toBeGreaterThan(0);
    await unlock(page); // reads the settings row: it no longer opens and is set aside
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toHaveAttribute('data-alert', 'damaged');
    await expect(banner).toContainText(
      'Part of what Quire keeps on this device was damaged and could not be read.',
    );
    await checkScreen(page, testInfo, 'storage-alert');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
  } finally {
    await profile.close();
    await removeProfile(profile.dir);
  }
});
