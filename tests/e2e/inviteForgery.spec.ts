import type { Page } from '@playwright/test';
import { checkScreen } from './checkScreen.ts';
import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import { forgeCellFor } from './inviteForger.ts';
import { tr, type Lang } from './localisationSweep.ts';
import { createCell, createVault, unlock, VAULT_TIMEOUT_MS } from './shellSteps.ts';
import { createInvite, NETWORK_TIMEOUT_MS, openTab, wordsIn } from './threePeopleSteps.ts';

/**
 * Issue 13 item 1 in the real app, three people in Chromium: Anna coordinates "Samizdat"; an
 * interceptor (driven from Node, tests/e2e/inviteForger.ts) holds Olena's code and answers her
 * first with a welcome for a "Samizdat" it made up, under a coordinator also called Anna. Olena's
 * app refuses it and says so in Ukrainian, keeps waiting, and opens the real cell only after she
 * confirmed the real Anna's safety words. Boris cancels at that step, and nothing is kept.
 */

const CELL = 'Samizdat';

async function requestToJoin(page: Page, lang: Lang, code: string, pseudonym: string) {
  await page.getByLabel(tr(lang, 'shell.join.codeLabel'), { exact: true }).fill(code);
  await page.getByLabel(tr(lang, 'shell.join.pseudonymLabel'), { exact: true }).fill(pseudonym);
  await page.getByRole('button', { name: tr(lang, 'shell.join.submit'), exact: true }).click();
}

/** Anna approves `pseudonym` after the words match, and returns her own words from the card. */
async function approve(anna: Page, joiner: Page, pseudonym: string): Promise<string[]> {
  const request = anna.getByRole('form', { name: `${pseudonym} asks to join as: Member` });
  await expect(request).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  expect(await wordsIn(joiner.getByTestId('join-safety-words'))).toEqual(
    await wordsIn(request.getByRole('list', { name: `Safety words of ${pseudonym}` })),
  );
  const annaWords = await wordsIn(request.getByRole('list', { name: 'Your safety words' }));
  await request.getByRole('checkbox', { name: `${pseudonym} read me these 8 words` }).check();
  await request.getByRole('button', { name: `Approve ${pseudonym}` }).click();
  await expect(request).toBeHidden();
  return annaWords;
}

test('a forged welcome is refused in the joiner language; the joiner confirms the real coordinator words, or cancels and keeps nothing', async ({
  person,
}, testInfo) => {
  test.setTimeout(5 * VAULT_TIMEOUT_MS);
  const { signal } = serverUrls();
  const anna = (await person(appUrl({ lang: 'en', signal: [signal] }))).page;
  const olena = (await person(appUrl({ lang: 'uk', signal: [signal] }))).page;
  const boris = (await person(appUrl({ lang: 'en', signal: [signal] }))).page;

  await createVault(anna);
  await createCell(anna, CELL, 'Anna');
  await openTab(anna, 'Members');
  const olenasCode = await createInvite(anna, 'for Olena');
  expect(olenasCode).toMatch(/^QUIRE1-R/); // version 3: commits to the cell and Anna, shows its expiry

  // The interceptor copied Olena's code on its way and answers for its own "Samizdat".
  const forger = await forgeCellFor(olenasCode, 'Anna');
  try {
    await createVault(olena, { invite: true, lang: 'uk' });
    await requestToJoin(olena, 'uk', olenasCode, 'Olena');
    await forger.welcomed;
    // Refused with no human step, said in Ukrainian; Olena is still waiting for the real Anna.
    const warning = olena.getByRole('alert');
    await expect(warning).toHaveText(tr('uk', 'shell.join.state.forged_welcome'), {
      timeout: NETWORK_TIMEOUT_MS,
    });
    await expect(olena.getByRole('progressbar')).toBeVisible();
    await checkScreen(olena, testInfo, 'join-forged-welcome-uk');

    const annaWords = await approve(anna, olena, 'Olena');
    // The real Anna's words, in Olena's language, before anything is kept.
    await expect(
      olena.getByRole('heading', {
        level: 1,
        name: tr('uk', 'shell.join.confirm.heading', { name: 'Anna' }),
      }),
    ).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
    const shown = olena.getByRole('list', {
      name: tr('uk', 'shell.join.confirm.wordsLabel', { name: 'Anna' }),
    });
    expect(await wordsIn(shown)).toEqual(annaWords);
    await checkScreen(olena, testInfo, 'join-confirm-words-uk');
    await olena
      .getByRole('button', { name: tr('uk', 'shell.join.confirm.open'), exact: true })
      .click();
    await expect(olena.getByRole('heading', { level: 1, name: CELL })).toBeVisible({
      timeout: NETWORK_TIMEOUT_MS,
    });
  } finally {
    forger.close();
  }
  await openTab(anna, 'Members');
  await expect(anna.locator('li.member').filter({ hasText: 'Olena' })).toBeVisible({
    timeout: NETWORK_TIMEOUT_MS,
  });

  // Boris: approved too, but he cancels at the words; his vault keeps nothing of the cell.
  const borisCode = await createInvite(anna, 'for Boris');
  await createVault(boris, { invite: true });
  await requestToJoin(boris, 'en', borisCode, 'Boris');
  await approve(anna, boris, 'Boris');
  await expect(
    boris.getByRole('heading', { level: 1, name: 'Compare these words with Anna' }),
  ).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  await boris.getByRole('button', { name: 'The words differ: cancel' }).click();
  await expect(boris.getByRole('status')).toHaveText(
    'Cancelled. Nothing of this cell was kept on this device. Tell Anna what happened.',
  );
  await expect(boris.getByRole('heading', { level: 1, name: CELL })).toHaveCount(0);
  await boris.reload();
  await unlock(boris);
  await expect(boris.getByText(CELL)).toHaveCount(0);
});
