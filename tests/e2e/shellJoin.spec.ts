import { randomBytes } from 'node:crypto';
import { encodeInviteCode } from '../../shared/invite/encodeInviteCode.ts';
import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import { createVault, VAULT_TIMEOUT_MS } from './shellSteps.ts';

/** A version-1 code (tests/unit/invite/inviteCode.test.ts): refused as outdated. */
const CODE_V1 =
  'QUIRE1-PQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0EYU-MFVAH-XZMPW-V4UXZ-MTSD3-JJUMM-JVUGN-ZWFJ9-CCNVW-PWXYH-RYVP6-XS6RG-DQW4T-P9C';
/** A version-2 code (no expiry; tests/unit/invite/inviteCode.test.ts): refused as outdated too. */
const CODE_V2 =
  'QUIRE1-ZQQQS-YQCYQ-5RQWZ-QFPG9-SCRGW-PUGPZ-YSNZS-23V9C-CRYDP-K8QAR-C0M7S-R3Q3N-GGWVD-Y5WXJ-XZLR5-FP3YN-ND9NK-UCTV9-EJHSC-TDWPK-X2TN0-WFN3Z-VFEXG-HRZD3-C9CCJ-UV3S8-G6RGD-P5G0Q-759';

const HOUR_MS = 3_600_000;

/** A well-formed version-3 code for the e2e rendezvous server, expiring at `expiresAt`. */
function codeExpiringAt(expiresAt: number): string {
  const code = encodeInviteCode({
    secret: new Uint8Array(randomBytes(32)),
    commitment: new Uint8Array(randomBytes(16)),
    expiresAt,
    rendezvousUrls: [serverUrls().signal],
  });
  if (!code.ok) throw new Error(code.error);
  return code.value;
}

/** Flips one character of the code's data part to another of the bech32 alphabet (a typo). */
function withTypo(code: string): string {
  const i = code.length - 9;
  const c = code[i] === 'Q' ? 'P' : 'Q';
  return code.slice(0, i) + c + code.slice(i + 1);
}

test('the invite path: vault first, then the join form, which tells typos, foreign text, outdated and expired codes and progress apart', async ({
  person,
}) => {
  test.setTimeout(2 * VAULT_TIMEOUT_MS);
  const { signal } = serverUrls();
  const code = { value: codeExpiringAt(Date.now() + 3 * HOUR_MS) };
  const expired = codeExpiringAt(Date.now() - 2 * HOUR_MS);
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
  // Version 2 (no expiry) is outdated in the same words.
  await codeField.fill(CODE_V2);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/made by an older version of Quire/);
  await expect(page.getByRole('timer')).toHaveCount(0); // no validity for a refused code

  // A code past its expiry (by this device's clock): said as soon as it parses, and refused
  // without starting the join.
  await codeField.fill(expired);
  await expect(page.getByRole('timer')).toHaveText(
    /^This invite seems to have expired on .+: ask for a new one\.$/,
  );
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(
    /^This invite seems to have expired on .+: ask for a new one\.$/,
  );
  await expect(page.locator('[data-state="expired_code"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Join', exact: true })).toBeEnabled();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');

  // A well-formed code: the join starts and shows where it stands (no coordinator is online).
  await codeField.fill(code.value.toLowerCase().replace(/-/g, ' '));
  const validity = page.getByRole('timer');
  await expect(validity).toHaveText(/^Valid until .+ \(about 3 hours left\)\.$/);
  const validityId = await validity.getAttribute('id');
  expect((await codeField.getAttribute('aria-describedby'))?.split(' ')).toContain(validityId);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.locator('[data-state]').first()).toHaveAttribute(
    'data-state',
    /^(connecting|waiting_for_approval|timeout|invalid_code|expired)$/,
  );
  // While the request waits, the time left stays in view (not a live region: role=timer).
  await expect(validity).toHaveText(/about 3 hours left/);
  await expect(validity).not.toHaveAttribute('aria-live', /.+/);
  // The joiner can cancel while waiting (issue #19 item 7); the form is theirs again.
  await page.getByRole('button', { name: 'Cancel request' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'You cancelled the request.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
});
