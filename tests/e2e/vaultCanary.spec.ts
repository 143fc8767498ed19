import { randomBytes } from 'node:crypto';
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

/**
 * Issue 4 (device seizure): what a person typed never reaches the disk in clear. Everything is
 * done through the UI of the real app in a real Chromium profile; then the profile directory is
 * searched byte by byte, in UTF-8, UTF-16 (both orders) and base64 (every alignment).
 */
test('a locked, closed profile holds none of the cell name, pseudonym, draft title or text, or passphrase', async ({
  launchOptions,
}) => {
  test.setTimeout(4 * VAULT_TIMEOUT_MS);
  const tag = (): string => randomBytes(8).toString('hex');
  const canaries = {
    cell: `CellCanary${tag()}`,
    pseudonym: `PseudoCanary${tag()}`,
    title: `TitleCanary${tag()}`,
    text: `DraftCanary${tag()}`,
    passphrase: `quokka ${tag()} lantern mosaic`,
  };
  // A string the browser itself stores in clear (the address, in its history): proves the search
  // would find a canary if one were there.
  const control = `ControlCanary${tag()}`;
  const url = new URL(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  url.searchParams.set('control', control);

  let profile: Profile = await openProfile(launchOptions, url.toString());
  const { dir } = profile;
  try {
    await createVault(profile.page, { passphrase: canaries.passphrase });
    await createCell(profile.page, canaries.cell, canaries.pseudonym);
    await expect(profile.page.getByText(`You appear here as ${canaries.pseudonym}`)).toBeVisible();
    await profile.page.getByRole('textbox', { name: 'Title of a new draft' }).fill(canaries.title);
    await profile.page.getByRole('button', { name: 'Create draft' }).click();
    const editor = profile.page.getByRole('textbox', { name: `Text of “${canaries.title}”` });
    await editor.click();
    await profile.page.keyboard.type(`${canaries.text} `.repeat(3));
    await expect(editor).toContainText(canaries.text);
    await profile.page.waitForTimeout(1500); // let the session seal and store the last edits
    await lockNow(profile.page);
    await profile.close();

    const hits = await findInFiles(dir, [...Object.values(canaries), control]);
    expect(
      hits.some((hit) => hit.includes(control)),
      'the search finds what the browser stores in clear',
    ).toBe(true);
    expect(hits.filter((hit) => !hit.includes(control))).toEqual([]);

    // And the data really was on disk: a restart and the passphrase bring all of it back.
    profile = await openProfile(launchOptions, url.toString(), dir);
    await unlock(profile.page, canaries.passphrase);
    await expect(
      profile.page.getByRole('heading', { level: 1, name: canaries.cell }),
    ).toBeVisible();
    await expect(profile.page.getByText(`You appear here as ${canaries.pseudonym}`)).toBeVisible();
    await profile.page.getByRole('button', { name: canaries.title }).click();
    await expect(
      profile.page.getByRole('textbox', { name: `Text of “${canaries.title}”` }),
    ).toContainText(canaries.text);
  } finally {
    await profile.close().catch(() => undefined);
    await removeProfile(dir);
  }
});
