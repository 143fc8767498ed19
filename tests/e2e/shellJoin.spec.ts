import { randomBytes } from 'node:crypto';
import { encodeInviteCode } from '../../shared/invite/encodeInviteCode.ts';
import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import { createVault, VAULT_TIMEOUT_MS } from './shellSteps.ts';

/** A version-1 code (tests/unit/invite/inviteCode.test.ts): refused as outdated. */
const CODE_V1 =
  'QUIRE1-PQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0EYU-MFVAH-XZMPW-V4UXZ-MTSD3-JJUMM-JVUGN-ZWFJ9-CCNVW-PWXYH-RYVP6-XS6RG-DQW4T-P9C';

/** Flips one character of the code's data part to another of the bech32 alphabet (a typo). */
function withTypo(code: string): string {
  const i = code.length - 9;
  const c = code[i] === 'Q' ? 'P' : 'Q';
  return code.slice(0, i) + c + code.slice(i + 1);
}

test('the invite path: vault first, then the join form, which tells typos, foreign text, outdated codes and progress apart', async ({
  person,
}) => {
  test.setTimeout(2 * VAULT_TIMEOUT_MS);
  const { signal } = serverUrls();
  const code = encodeInviteCode({
    secret: new Uint8Array(randomBytes(32)),
    commitment: new Uint8Array(randomBytes(16)),
    expiresAt: Date.now() + 3 * 3_600_000,
    rendezvousUrls: [signal],
  });
  if (!code.ok) throw new Error(code.error);
  const { page } = await person(appUrl({ lang: 'en', signal: [signal] }));
  await createVault(page, { invite: true });

  const codeField = page.getByLabel('Invite code');
  const pseudonym = page.getByLabel('Your pseudonym in this cell');
  await pseudonym.fill('Heron');
  await codeField.fill('hello, this is not a code');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/not a Quire invite code/);
  await codeField.fill(withTypo(code.value));
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/This code has a typo/);
  // A well-formed code made by an older Quire (version 1, no commitment to its cell).
  await codeField.fill(CODE_V1);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/made by an older version of Quire/);

  // A well-formed code: the join starts and shows where it stands (no coordinator is online).
  await codeField.fill(code.value.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.locator('[data-state]').first()).toHaveAttribute(
    'data-state',
    /^(connecting|waiting_for_approval|timeout|invalid_code|expired)$/,
  );
  // The joiner can cancel while waiting (issue #19 item 7); the form is theirs again.
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'You cancelled the request.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
});
