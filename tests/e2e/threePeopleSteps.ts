import type { Locator, Page } from '@playwright/test';
import { appUrl, draftText, expect, serverUrls, type Person } from './fixtures.ts';
import { createCell, createVault } from './shellSteps.ts';

/**
 * Steps shared by the three-person journeys (tests/e2e/threePeople*.spec.ts): real vaults, real
 * invites, WebRTC through the test rendezvous server. English UI throughout.
 */

/** Joining, sync and removal wait for WebRTC between contexts on a loaded 2-core machine. */
export const NETWORK_TIMEOUT_MS = 60_000;

export async function openTab(page: Page, name: 'Drafts' | 'Tasks' | 'Members'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

export const memberRow = (page: Page, text: string | RegExp): Locator =>
  page.locator('li.member').filter({ hasText: text });

export const wordsIn = async (list: Locator): Promise<string[]> => {
  await expect(list.getByRole('listitem')).toHaveCount(8);
  return (await list.getByRole('listitem').allTextContents()).map((w) => w.trim());
};

/** The coordinator (on the Members tab) creates a one-use member invite and reads its code. */
export async function createInvite(coordinator: Page, note: string): Promise<string> {
  await coordinator.getByRole('radio', { name: '24 hours' }).check();
  await coordinator.getByLabel('Role of the new member').selectOption('member');
  await coordinator.getByLabel('Note (only you see it)').fill(note);
  await coordinator.getByRole('button', { name: 'Create invite' }).click();
  await expect(coordinator.locator('.invite-list__item').filter({ hasText: note })).toContainText(
    'Open',
  );
  const codeBox = coordinator.getByRole('textbox', { name: 'Code to give' });
  await expect(codeBox).toHaveValue(/^QUIRE1-/);
  return codeBox.inputValue();
}

/**
 * `joiner` (a fresh person) joins with a new invite; the coordinator approves only after the
 * words the joiner reads out equal those in the request, the joiner confirms the coordinator's
 * words, then the cell opens for the joiner.
 */
export async function inviteAndApprove(
  coordinator: Page,
  joiner: Page,
  pseudonym: string,
  cellName: string,
): Promise<void> {
  const code = await createInvite(coordinator, `for ${pseudonym}`);
  await createVault(joiner, { invite: true });
  await joiner.getByLabel('Invite code').fill(code);
  await joiner.getByLabel('Your pseudonym in this cell').fill(pseudonym);
  await joiner.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(joiner.getByText('Waiting for a coordinator to approve you')).toBeVisible({
    timeout: NETWORK_TIMEOUT_MS,
  });
  const request = coordinator.getByRole('form', { name: `${pseudonym} asks to join as: Member` });
  await expect(request).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  const heard = await wordsIn(joiner.getByTestId('join-safety-words'));
  expect(
    await wordsIn(request.getByRole('list', { name: `Safety words of ${pseudonym}` })),
  ).toEqual(heard);
  await request.getByRole('checkbox', { name: `${pseudonym} read me these 8 words` }).check();
  const read = await wordsIn(request.getByRole('list', { name: 'Your safety words' }));
  await request.getByRole('button', { name: `Approve ${pseudonym}` }).click();
  await expect(request).toBeHidden();
  await expect(coordinator.getByText(`${pseudonym} was approved.`)).toBeVisible();
  // The joiner compares the coordinator's words (read out from the approval card) and confirms.
  await expect(
    joiner.getByRole('heading', { level: 1, name: /^Compare these words with/ }),
  ).toBeVisible({
    timeout: NETWORK_TIMEOUT_MS,
  });
  expect(await wordsIn(joiner.getByRole('list', { name: /^Safety words of / }))).toEqual(read);
  await joiner.getByRole('button', { name: 'The words match: open the cell' }).click();
  await expect(joiner.getByRole('heading', { level: 1, name: cellName })).toBeVisible({
    timeout: NETWORK_TIMEOUT_MS,
  });
}

export interface Cell {
  readonly anna: Page;
  readonly boris: Page;
  readonly chen: Page;
  /** Chen's console problems, which the fixture checks at the end (see the offline journey). */
  readonly chenProblems: string[];
}

/**
 * Anna creates the cell `cellName` and invites Boris and Chen (one one-use invite each: the UI
 * has no multi-use invite); she approves each after comparing safety words. Everyone ends on
 * the Members tab and sees all three members.
 */
export async function threePeopleInOneCell(
  person: (url: string) => Promise<Person>,
  cellName: string,
): Promise<Cell> {
  const url = appUrl({ lang: 'en', signal: [serverUrls().signal] });
  const anna = (await person(url)).page;
  const boris = (await person(url)).page;
  const chenPerson = await person(url);
  const chen = chenPerson.page;
  await createVault(anna);
  await createCell(anna, cellName, 'Anna');
  await openTab(anna, 'Members');
  await inviteAndApprove(anna, boris, 'Boris', cellName);
  await inviteAndApprove(anna, chen, 'Chen', cellName);
  for (const [page, me] of [
    [anna, 'Anna'],
    [boris, 'Boris'],
    [chen, 'Chen'],
  ] as const) {
    if (page !== anna) await openTab(page, 'Members');
    for (const name of ['Anna', 'Boris', 'Chen']) {
      await expect(memberRow(page, name === me ? `${name} (you)` : name)).toBeVisible({
        timeout: NETWORK_TIMEOUT_MS,
      });
    }
  }
  return { anna, boris, chen, chenProblems: chenPerson.problems };
}

/** Opens the draft `title` from the list (it may still be on its way) and returns its editor. */
export async function openDraft(page: Page, title: string): Promise<Locator> {
  await openTab(page, 'Drafts');
  await page
    .locator('button.draft-item')
    .filter({ has: page.getByText(title, { exact: true }) })
    .click({ timeout: NETWORK_TIMEOUT_MS });
  const editor = draftText(page, title);
  await expect(editor).toBeVisible();
  return editor;
}

/** Types `text` at the end of the draft. */
export async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

/** The draft's text without the other people's caret labels (which sit inside the text). */
export const textOf = (editor: Locator): Promise<string> =>
  editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });

/** Every page's editor ends up showing exactly the same text, containing each of `parts`. */
export async function expectConverged(
  editors: readonly Locator[],
  parts: readonly string[],
): Promise<string> {
  const first = editors[0];
  if (!first) throw new Error('no editors');
  for (const editor of editors) {
    for (const part of parts) {
      await expect(editor).toContainText(part, { timeout: NETWORK_TIMEOUT_MS });
    }
  }
  // All at once, again and again: a text read once from the first editor goes stale when a last
  // keystroke (a trailing space) is still on its way to it (seen in CI).
  let text = '';
  await expect
    .poll(
      async () => {
        const texts = await Promise.all(editors.map((editor) => textOf(editor)));
        text = texts[0] ?? '';
        return texts.every((t) => t === text) ? 'same' : texts.join(' | ');
      },
      { timeout: NETWORK_TIMEOUT_MS },
    )
    .toBe('same');
  return text;
}

/** The pseudonyms on the other people's carets in `page`'s editor, sorted. */
export const caretNames = async (page: Page): Promise<string[]> =>
  (await page.locator('.collaboration-carets__label').allTextContents()).sort();

/**
 * The colour of the caret label `name` in `page`'s editor. Carets are re-rendered on every
 * presence update (a fresh signed blob every 10 s): a label caught as it is replaced has no
 * computed colour yet, so this waits for one.
 */
export async function caretColour(page: Page, name: string): Promise<string> {
  let colour = '';
  await expect
    .poll(
      async () =>
        (colour = await page
          .locator('.collaboration-carets__label', { hasText: name })
          .evaluate((label) => getComputedStyle(label).backgroundColor)),
      { timeout: NETWORK_TIMEOUT_MS },
    )
    .toMatch(/^rgb/);
  return colour;
}

export const taskCard = (page: Page, title: string): Locator =>
  page.locator('.task-card').filter({ hasText: title });

export const column = (page: Page, name: 'To do' | 'Doing' | 'Done'): Locator =>
  page.getByRole('region', { name: new RegExp(`^${name}`) });

export const titlesIn = (scope: Locator): Promise<string[]> =>
  scope.locator('.task-card__title').allTextContents();

/** The board as one page shows it, each column sorted (concurrent additions may interleave). */
export const boardOf = async (page: Page): Promise<string[][]> => {
  const out: string[][] = [];
  for (const name of ['To do', 'Doing', 'Done'] as const) {
    out.push((await titlesIn(column(page, name))).sort());
  }
  return out;
};

export async function addTask(page: Page, title: string): Promise<void> {
  await page.getByRole('textbox', { name: 'New task' }).fill(title);
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(taskCard(page, title)).toBeVisible();
}
