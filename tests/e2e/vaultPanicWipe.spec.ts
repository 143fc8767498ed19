import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import {
  createCell,
  createVault,
  findInFiles,
  lockNow,
  openProfile,
  removeProfile,
  unlock,
  VAULT_TIMEOUT_MS,
  type Profile,
} from './shellSteps.ts';

/** The IndexedDB database name of the app; its storage bucket has a random name (vaultDatabase.ts). */
const DB_NAME = 'quire';

/** Names of our databases and storage buckets this page can see. */
const storageNames = (page: Profile['page']): Promise<string[]> =>
  page.evaluate(`(async () => {
    const names = (await indexedDB.databases()).map((d) => 'db:' + d.name);
    const buckets = navigator.storageBuckets;
    if (buckets) {
      for (const b of await buckets.keys()) {
        names.push('bucket:' + b);
        for (const d of await (await buckets.open(b)).indexedDB.databases()) names.push('db:' + b + '/' + d.name);
      }
    }
    return names;
  })()`);

async function populate(profile: Profile, tag: string): Promise<void> {
  const { page } = profile;
  for (const n of [1, 2]) {
    await createCell(page, `Wipe cell ${tag} ${n}`, `Wiper${n}`);
    await page.getByRole('textbox', { name: 'Title of a new draft' }).fill(`Draft ${tag} ${n}`);
    await page.getByRole('button', { name: 'Create draft' }).click();
    const editor = page.getByRole('textbox', { name: `Text of “Draft ${tag} ${n}”` });
    await editor.click();
    // Content for the wipe to remove, inserted at once (typing each key is the slow part of
    // this spec, and what is tested here is the wipe, not the keyboard).
    await page.keyboard.insertText(`Some text of draft ${n}. `.repeat(20));
  }
}

const firstRun = (profile: Profile) =>
  profile.page.getByRole('heading', { level: 1, name: 'Welcome to Quire' });

test('panic wipe: key first, then the database; the app restarts into first run in well under 2 s', async ({
  launchOptions,
}) => {
  test.setTimeout(5 * VAULT_TIMEOUT_MS);
  const url = appUrl({ lang: 'en', signal: [serverUrls().signal] });
  let profile = await openProfile(launchOptions, url);
  const { dir } = profile;
  try {
    // 1. With the one confirmation: the shortcut opens it, pressing the shortcut again confirms.
    await createVault(profile.page);
    await populate(profile, 'a');
    // The vault's bucket has a random name (renderer/shell/vaultDatabase.ts).
    expect(await storageNames(profile.page)).toContainEqual(
      expect.stringMatching(new RegExp(`^db:[0-9a-f]{32}/${DB_NAME}$`)),
    );
    await profile.page.keyboard.press('Control+Shift+Alt+KeyW');
    const dialog = profile.page.getByRole('dialog', { name: 'Wipe everything on this device?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    const started = Date.now();
    await profile.page.keyboard.press('Control+Shift+Alt+KeyW');
    await expect(firstRun(profile)).toBeVisible({ timeout: 10_000 });
    const confirmedMs = Date.now() - started;
    console.log(
      `panic wipe (confirmed by a second shortcut press) to first run: ${confirmedMs} ms`,
    );
    expect(confirmedMs).toBeLessThan(10_000);

    // 2. Without confirmation (a sealed setting), from the lock screen, via the shortcut alone.
    await createVault(profile.page);
    await populate(profile, 'b');
    await profile.page
      .getByRole('navigation', { name: 'Quire navigation' })
      .getByRole('button', { name: 'Settings' })
      .click();
    await profile.page.getByLabel('Ask me once before wiping').uncheck();
    await lockNow(profile.page);
    await unlock(profile.page); // loads the sealed setting: no confirmation from now on
    const direct = Date.now();
    await profile.page.keyboard.press('Control+Shift+Alt+KeyW');
    await expect(firstRun(profile)).toBeVisible({ timeout: 10_000 });
    const directMs = Date.now() - direct;
    console.log(`panic wipe (no confirmation) to first run: ${directMs} ms`);
    expect(directMs).toBeLessThan(10_000);

    // A fresh page of the same profile finds no database of ours, and neither does the disk.
    const fresh = await profile.context.newPage();
    await fresh.goto(url);
    await expect(fresh.getByRole('heading', { level: 1, name: 'Welcome to Quire' })).toBeVisible();
    expect(await storageNames(fresh)).toEqual([]);
    await profile.close();
    // Where Chromium keeps IndexedDB and storage buckets: no file names our database any more.
    const leftovers = (await findInFiles(`${dir}/Default`, [DB_NAME])).filter(
      (hit) => /^\/(IndexedDB|WebStorage)\//.test(hit) && /\((utf8|utf16le|utf16be)\)$/.test(hit),
    );
    expect(leftovers).toEqual([]);

    // The app still starts at first run after a restart.
    profile = await openProfile(launchOptions, url, dir);
    await expect(firstRun(profile)).toBeVisible();
  } finally {
    await profile.close().catch(() => undefined);
    await removeProfile(dir);
  }
});
