import type { Locator, Page } from '@playwright/test';
import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import { createCell, createVault, VAULT_TIMEOUT_MS } from './shellSteps.ts';
import { checkScreen } from './checkScreen.ts';

/**
 * The invite journey of DESIGN §1 and §5 in the real app, two people in two browser contexts:
 * real Argon2id vaults, the real session layer, WebRTC through the test rendezvous server.
 * Anna creates a cell and an invite; Boris joins with the code; Anna approves him only after the
 * safety words match; both see each other; Anna removes Boris and his view says so.
 */

/** Joining waits for WebRTC between the two contexts and the coordinator's answer. */
const NETWORK_TIMEOUT_MS = 60_000;

async function openMembers(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Members' })).toBeVisible();
}

const wordsIn = async (list: Locator): Promise<string[]> => {
  await expect(list.getByRole('listitem')).toHaveCount(8);
  return (await list.getByRole('listitem').allTextContents()).map((w) => w.trim());
};

const memberRow = (page: Page, text: string | RegExp): Locator =>
  page.locator('li.member').filter({ hasText: text });

test('invite journey: create, join, compare safety words, approve, see each other, remove', async ({
  person,
}, testInfo) => {
  test.setTimeout(4 * VAULT_TIMEOUT_MS);
  const { signal } = serverUrls();
  const anna = (await person(appUrl({ lang: 'en', signal: [signal] }))).page;
  const boris = (await person(appUrl({ lang: 'en', signal: [signal] }))).page;

  // Anna: first run, a new cell (the rendezvous field comes from ?signal=), the Members tab.
  await createVault(anna);
  await createCell(anna, 'Printers', 'Anna');
  await openMembers(anna);
  await expect(memberRow(anna, 'Anna (you)')).toContainText('Coordinator');
  await expect(anna.getByText('You are the only coordinator')).toBeVisible();

  // A custom expiry must be whole hours; the error says what to type.
  await anna.getByRole('radio', { name: 'Other' }).check();
  await anna.getByLabel('Valid for how many hours').fill('1.5');
  await anna.getByRole('button', { name: 'Create invite' }).click();
  await expect(anna.getByRole('alert')).toContainText('whole number of hours from 1 to 720');
  await anna.getByRole('radio', { name: '24 hours' }).check();

  await anna.getByLabel('Role of the new member').selectOption('member');
  await anna.getByLabel('Note (only you see it)').fill('for Boris');
  await anna.getByRole('button', { name: 'Create invite' }).click();
  const codeBox = anna.getByRole('textbox', { name: 'Code to give' });
  await expect(codeBox).toHaveValue(/^QUIRE1-/);
  const code = await codeBox.inputValue();
  await expect(anna.getByRole('img', { name: 'QR code of the invite code above' })).toBeVisible();
  const invite = anna.locator('.invite-list__item').filter({ hasText: 'for Boris' });
  await expect(invite).toContainText('Open');
  await checkScreen(anna, testInfo, 'members-invite');

  // Boris: first run on the invite path, then the code and a pseudonym.
  await createVault(boris, { invite: true });
  await boris.getByLabel('Invite code').fill(code);
  await boris.getByLabel('Your pseudonym in this cell').fill('Boris');
  await boris.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(boris.getByText('Waiting for a coordinator to approve you')).toBeVisible({
    timeout: NETWORK_TIMEOUT_MS,
  });

  // Anna: the request, with Boris's words. Approve refuses until she ticks that they matched.
  const request = anna.getByRole('form', { name: 'Boris asks to join as: Member' });
  await expect(request).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  // The Members tab says a request waits (issue #19 item 7), and stops once it is answered.
  await expect(anna.getByRole('tab', { name: 'Members requests to join waiting: 1' })).toHaveText(
    'Members1requests to join waiting: 1',
  );
  await expect(
    anna.getByRole('button', { name: /Printers.*requests to join waiting: 1/ }),
  ).toBeVisible();
  await expect(request).toContainText(
    'Ask them to read their safety words to you; approve only if they match.',
  );
  const requestWords = await wordsIn(request.getByRole('list', { name: 'Safety words of Boris' }));
  // What Boris reads out while waiting is exactly what Anna sees in the request.
  expect(await wordsIn(boris.getByTestId('join-safety-words'))).toEqual(requestWords);
  await expect(
    request.getByRole('checkbox', { name: /keys from before the cell's last key change/ }),
  ).toBeChecked();
  const annaWords = await wordsIn(request.getByRole('list', { name: 'Your safety words' }));
  await checkScreen(anna, testInfo, 'members-pending');
  await request.getByRole('button', { name: 'Approve Boris' }).click();
  await expect(request.getByRole('alert')).toContainText('Tick the box first');
  await expect(request).toBeVisible();
  await request.getByRole('checkbox', { name: 'Boris read me these 8 words' }).check();
  await request.getByRole('button', { name: 'Approve Boris' }).click();
  await expect(request).toBeHidden();
  await expect(anna.getByText('Boris was approved.')).toBeVisible();
  await expect(anna.getByRole('tab', { name: 'Members', exact: true })).toBeVisible();

  // Boris: Anna's words, to compare with what she reads out, before anything is kept.
  await expect(
    boris.getByRole('heading', { level: 1, name: 'Compare these words with Anna' }),
  ).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  expect(await wordsIn(boris.getByRole('list', { name: 'Safety words of Anna' }))).toEqual(
    annaWords,
  );
  await checkScreen(boris, testInfo, 'join-confirm-words');
  await boris.getByRole('button', { name: 'The words match: open the cell' }).click();

  // Boris: the cell opens; his own device computes the same eight words Anna approved.
  await expect(boris.getByRole('heading', { level: 1, name: 'Printers' })).toBeVisible({
    timeout: NETWORK_TIMEOUT_MS,
  });
  await openMembers(boris);
  await expect(memberRow(boris, 'Anna')).toContainText('Coordinator');
  await expect(memberRow(boris, 'Boris (you)')).toContainText('Member');
  await boris.getByRole('button', { name: 'Show my safety words' }).click();
  const borisWords = await wordsIn(boris.getByRole('list', { name: 'My safety words' }));
  expect(borisWords).toEqual(requestWords);
  await expect(boris.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(boris.getByRole('heading', { name: 'Invites' })).toHaveCount(0);
  await checkScreen(boris, testInfo, 'members-member');

  // Anna: Boris is in the list, verified by the words she compared at approval (issue #19
  // item 8); she can take the mark back. The invite is used.
  const row = memberRow(anna, 'Boris');
  await expect(row.locator('.member__verified')).toHaveText('Verified', {
    timeout: NETWORK_TIMEOUT_MS,
  });
  await row.getByRole('button', { name: 'Show safety words of Boris' }).click();
  expect(await wordsIn(row.getByRole('list', { name: 'Safety words of Boris' }))).toEqual(
    requestWords,
  );
  await row.getByRole('button', { name: 'Mark Boris as not verified' }).click();
  await expect(row.locator('.member__verified')).toHaveText('Not verified');
  await row.getByRole('button', { name: 'Mark Boris as verified' }).click();
  await expect(row.locator('.member__verified')).toHaveText('Verified');
  await expect(invite).toContainText('Used');

  // Both edit one draft live through the encrypted engine (every byte between them sealed and
  // signed), each seeing the other's caret under the roster's pseudonym.
  await anna.getByRole('tab', { name: 'Drafts' }).click();
  await anna.getByRole('textbox', { name: 'Title of a new draft' }).fill('Issue 1');
  await anna.getByRole('button', { name: 'Create draft' }).click();
  const annaEditor = anna.getByRole('textbox', { name: 'Text of “Issue 1”' });
  await annaEditor.click();
  await anna.keyboard.type('Printed at night. ');
  await boris.getByRole('tab', { name: 'Drafts' }).click();
  await boris.getByRole('button', { name: /^Issue 1/ }).click({ timeout: NETWORK_TIMEOUT_MS });
  const borisEditor = boris.getByRole('textbox', { name: 'Text of “Issue 1”' });
  await expect(borisEditor).toContainText('Printed at night.', { timeout: NETWORK_TIMEOUT_MS });
  await borisEditor.click();
  await boris.keyboard.press('End');
  await boris.keyboard.type('Handed out at dawn.');
  await expect(annaEditor).toContainText('Handed out at dawn.', { timeout: NETWORK_TIMEOUT_MS });
  await expect(anna.locator('.collaboration-carets__label')).toHaveText('Boris', {
    timeout: NETWORK_TIMEOUT_MS,
  });
  await checkScreen(anna, testInfo, 'drafts-together');
  await openMembers(anna);
  await openMembers(boris);

  // A role change and a rename travel through the roster to the other device.
  await row.getByLabel('Role of Boris', { exact: true }).selectOption('reader');
  await row.getByRole('button', { name: 'Change role of Boris' }).click();
  await expect(anna.getByText('Boris is now: Reader.')).toBeVisible();
  await expect(memberRow(boris, 'Boris (you)')).toContainText('Reader', {
    timeout: NETWORK_TIMEOUT_MS,
  });
  await boris.getByLabel('New pseudonym (now: Boris)').fill('Bogdan');
  await boris.getByRole('button', { name: 'Change pseudonym' }).click();
  await expect(boris.getByText('You now appear as Bogdan.')).toBeVisible();
  const renamed = memberRow(anna, 'Bogdan');
  await expect(renamed).toContainText('Reader', { timeout: NETWORK_TIMEOUT_MS });
  await expect(renamed).toContainText('Verified');

  // A second invite, revoked before anyone uses it.
  await anna.getByRole('radio', { name: '1 hour' }).check();
  await anna.getByLabel('Note (only you see it)').fill('spare');
  await anna.getByRole('button', { name: 'Create invite' }).click();
  const spare = anna.locator('.invite-list__item').filter({ hasText: 'spare' });
  await expect(spare).toContainText('Open');
  await spare.getByRole('button', { name: 'Revoke: spare' }).click();
  await expect(spare).toContainText('Revoked');
  await expect(anna.getByText('The invite “spare” was revoked.')).toBeVisible();
  await expect(anna.getByRole('textbox', { name: 'Code to give' })).toHaveCount(0);

  // Removal. Escape backs out without removing anyone; the confirmation says plainly what the
  // removed member keeps and what they lose.
  await renamed.getByRole('button', { name: 'Remove Bogdan' }).click();
  const dialog = anna.getByRole('dialog', { name: 'Remove Bogdan from this cell?' });
  await expect(dialog).toBeVisible();
  await anna.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: 'Remove Bogdan' }).click();
  await expect(dialog).toContainText('Bogdan keeps everything they already had');
  await expect(dialog).toContainText('Bogdan gets nothing written from now on');
  await expect(dialog).toContainText('Invites that Bogdan created stop working.');
  await expect(dialog).not.toContainText('{{');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await checkScreen(anna, testInfo, 'members-remove-dialog');
  await dialog.getByRole('button', { name: 'Remove Bogdan' }).click();
  await expect(dialog).toBeHidden();
  await expect(anna.getByText('Bogdan was removed and the cell moved to a new key.')).toBeVisible();
  await expect(memberRow(anna, 'Bogdan')).toHaveCount(0);

  // Boris's view: the banner, and no more actions.
  const banner = boris
    .getByRole('alert')
    .filter({ hasText: 'You are no longer a member of this cell' });
  await expect(banner).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  await expect(banner).toContainText('This cell no longer receives edits');
  await expect(memberRow(boris, 'Anna')).toBeVisible();
  await expect(boris.getByRole('button', { name: 'Leave this cell' })).toHaveCount(0);
  await checkScreen(boris, testInfo, 'members-removed');
});
