import type { Page } from '@playwright/test';
import { appUrl, createDraft, draftText, expect, serverUrls, test } from './fixtures.ts';
import { tr, type Lang } from './localisationSweep.ts';
import { PASSPHRASE, unlock, VAULT_TIMEOUT_MS } from './shellSteps.ts';
import {
  addTask,
  NETWORK_TIMEOUT_MS,
  openDraft,
  openTab,
  taskCard,
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

/**
 * Issue 14, every screen follows a healed document: Boris forks the TASK BOARD (his app twice on
 * one vault, each adding its own task under one number). Anna and Chen first get the task of his
 * first copy; the second copy's task, the first edit of a new session, is the canonical version
 * (PROTOCOL §5.3: the version starting at the lowest clock). Their Tasks screens, open all along
 * and never reopened, must show the rebuilt board: before, only the draft editor rebound and the
 * board went on showing the first copy's task from a doc nobody synced any more.
 */
test('the task board an informer forked heals on the open Tasks screens', async ({ person }) => {
  test.setTimeout(10 * VAULT_TIMEOUT_MS);
  const { anna, boris, chen } = await threePeopleInOneCell(person, CELL);
  for (const page of [anna, boris, chen]) await openTab(page, 'Tasks');
  // An earlier task of Boris's first copy: its next edit starts past clock 0 of its session.
  await addTask(boris, 'Bring paper');
  for (const page of [anna, chen])
    await expect(taskCard(page, 'Bring paper')).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });

  // The second copy opens (it reads the same seq counter) and waits on the Tasks screen.
  const second = await boris.context().newPage();
  await second.goto(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  await unlock(second);
  await openTab(second, 'Tasks');
  await expect(taskCard(second, 'Bring paper')).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  // The first copy adds a task: Anna and Chen apply it.
  await addTask(boris, 'Print at the library');
  for (const page of [anna, chen])
    await expect(taskCard(page, 'Print at the library')).toBeVisible({
      timeout: NETWORK_TIMEOUT_MS,
    });
  // The second copy adds its own under the same number: a fork, found by both.
  await addTask(second, 'Print at the bus station');
  await expectNamed(anna, 'en');
  await expectNamed(chen, 'en');
  await second.close();

  // The open screens now show the canonical board, the first copy's task gone.
  for (const page of [anna, chen]) {
    await expect(taskCard(page, 'Print at the bus station')).toBeVisible({
      timeout: NETWORK_TIMEOUT_MS,
    });
    await expect(taskCard(page, 'Print at the library')).toHaveCount(0);
    await expect(taskCard(page, 'Bring paper')).toBeVisible();
  }
  // What Anna adds on that screen reaches Chen's, still open.
  await addTask(anna, 'Fold the flyers');
  await expect(taskCard(chen, 'Fold the flyers')).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  await expect(taskCard(chen, 'Print at the library')).toHaveCount(0);
});

/** The drafts list's entry for `title` on `page`. */
const draftItem = (page: Page, title: string) =>
  page.locator('button.draft-item').filter({ hasText: new RegExp(`^${title}`) });

/**
 * The same for the cell index (the drafts list): Boris's two copies each create a draft under one
 * number; the open Drafts screens of Anna and Chen show the canonical list without reopening.
 */
test('the drafts list an informer forked heals on the open Drafts screens', async ({ person }) => {
  test.setTimeout(10 * VAULT_TIMEOUT_MS);
  const { anna, boris, chen } = await threePeopleInOneCell(person, CELL);
  for (const page of [anna, boris, chen]) await openTab(page, 'Drafts');
  // An earlier write of Boris's first copy to the index: its next one starts past clock 0.
  await createDraft(boris, 'Agenda');
  for (const page of [anna, chen])
    await expect(draftItem(page, 'Agenda')).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  const second = await boris.context().newPage();
  await second.goto(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  await unlock(second);
  await openTab(second, 'Drafts');
  await expect(draftItem(second, 'Agenda')).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  await createDraft(boris, 'Library flyer');
  for (const page of [anna, chen])
    await expect(draftItem(page, 'Library flyer')).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  await createDraft(second, 'Bus station flyer');
  await expectNamed(anna, 'en');
  await expectNamed(chen, 'en');
  await second.close();
  for (const page of [anna, chen]) {
    await expect(draftItem(page, 'Bus station flyer')).toBeVisible({
      timeout: NETWORK_TIMEOUT_MS,
    });
    await expect(draftItem(page, 'Library flyer')).toHaveCount(0);
    await expect(draftItem(page, 'Agenda')).toBeVisible();
  }
});
