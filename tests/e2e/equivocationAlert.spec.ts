import type { Page } from '@playwright/test';
import { appUrl, createDraft, draftText, expect, serverUrls, test } from './fixtures.ts';
import { tr, type Lang } from './localisationSweep.ts';
import { PASSPHRASE, unlock, VAULT_TIMEOUT_MS } from './shellSteps.ts';
import {
  NETWORK_TIMEOUT_MS,
  openDraft,
  openTab,
  threePeopleInOneCell,
  typeAtEnd,
} from './threePeopleSteps.ts';

const CELL = 'Print shop';

/** Unlocks in `lang`; the cell opens again (its proofs are read back from the store). */
async function unlockIn(page: Page, lang: Lang): Promise<void> {
  await expect(
    page.getByRole('heading', { level: 1, name: tr(lang, 'vault.unlock.heading') }),
  ).toBeVisible();
  await page.getByLabel(tr(lang, 'vault.unlock.passphraseLabel')).fill(PASSPHRASE);
  await page.getByRole('button', { name: tr(lang, 'vault.unlock.submit') }).click();
}

/** Settings -> Language, then back to the cell. */
async function switchLanguage(page: Page, from: Lang, to: Lang): Promise<void> {
  const nav = page.getByRole('navigation', { name: tr(from, 'shell.nav.label') });
  await nav.getByRole('button', { name: tr(from, 'shell.nav.settings'), exact: true }).click();
  await page.getByLabel(tr(from, 'language.label'), { exact: true }).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await page
    .getByRole('navigation', { name: tr(to, 'shell.nav.label') })
    .getByRole('button', { name: new RegExp(`^${CELL}`) })
    .click();
}

/** The equivocation alert on `page`, in `lang`, naming Boris. */
async function expectNamed(page: Page, lang: Lang): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: tr(lang, 'shell.equivocation.heading') });
  await expect(alert).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  await expect(alert).toContainText(tr(lang, 'shell.equivocation.body', { names: 'Boris' }));
  await expect(alert).toContainText(tr(lang, 'shell.equivocation.held'));
}

/**
 * Issue 14 item 1 in the real app: Boris's app runs twice on one vault (as on an imaged device),
 * and each writes its own next edit to one draft: two versions signed under one number. Anna and
 * Chen are both told, by name, in English, Russian and Ukrainian (Chen also after a restart: the
 * proof is kept), and only Anna, a coordinator, is offered to let his edits in.
 */
test('a member who signs two versions of one edit is named to the other two, in en/ru/uk', async ({
  person,
}) => {
  test.setTimeout(10 * VAULT_TIMEOUT_MS);
  const { anna, boris, chen } = await threePeopleInOneCell(person, CELL);
  await openTab(anna, 'Drafts');
  await createDraft(anna, 'Flyer');
  const annaEditor = draftText(anna, 'Flyer');
  await typeAtEnd(anna, annaEditor, 'Meet at noon. ');
  const borisEditor = await openDraft(boris, 'Flyer');
  await typeAtEnd(boris, borisEditor, 'Bring paper. ');
  const chenEditor = await openDraft(chen, 'Flyer');
  await expect(chenEditor).toContainText('Bring paper.', { timeout: NETWORK_TIMEOUT_MS });
  await expect(annaEditor).toContainText('Bring paper.', { timeout: NETWORK_TIMEOUT_MS });

  // Boris opens the cell a second time on his device (a second tab: the same vault, keys and
  // seq counters, as an imaged device would have). Each copy writes its own next edit: the same
  // seq under his key, other signed fields.
  const second = await boris.context().newPage();
  await second.goto(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  await unlock(second);
  const secondEditor = await openDraft(second, 'Flyer');
  await typeAtEnd(second, secondEditor, 'Place: the library.');
  await expect(annaEditor).toContainText('the library', { timeout: NETWORK_TIMEOUT_MS });
  await second.close();
  await typeAtEnd(boris, borisEditor, 'Place: the bus stop.');

  await expectNamed(anna, 'en');
  await expectNamed(chen, 'en');
  // Chen restarts: the proof was kept, and he is named again at once.
  await chen.goto(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  await unlockIn(chen, 'en');
  await expectNamed(chen, 'en');
  await switchLanguage(chen, 'en', 'ru');
  await expectNamed(chen, 'ru');
  await switchLanguage(anna, 'en', 'uk');
  await expectNamed(anna, 'uk');
  // Only Anna, a coordinator, may let Boris's held edits in again.
  await expect(
    chen.getByRole('button', { name: tr('ru', 'shell.equivocation.release') }),
  ).toHaveCount(0);
  await anna.getByRole('button', { name: tr('uk', 'shell.equivocation.release') }).click();
  await expect(anna.getByText(tr('uk', 'shell.equivocation.released'))).toBeVisible();
});
