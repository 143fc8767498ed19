import type { Locator, Page } from '@playwright/test';
import { checkScreen } from './checkScreen.ts';
import { draftItem } from './commentSteps.ts';
import { downloadFrom } from './exportSteps.ts';
import { appUrl, createDraft, draftText, expect, serverUrls, test } from './fixtures.ts';
import { createCell, createVault, VAULT_TIMEOUT_MS } from './shellSteps.ts';
import {
  inviteAndApprove,
  NETWORK_TIMEOUT_MS,
  openDraft,
  openTab,
  textOf,
  typeAtEnd,
} from './threePeopleSteps.ts';

const CELL = 'Night shift';
const TITLE = 'Depot strike';
const FIRST = 'The workers met on Monday at the depot.';

const panel = (page: Page): Locator =>
  page.getByRole('region', { name: 'Changed since you last looked' });

/** The deletion marks in an editor: their label is generated content, so read the attribute. */
const deletionLabels = (editor: Locator): Promise<string[]> =>
  editor
    .locator('.change-deleted')
    .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-label') ?? ''));

/** The editor's text without other people's caret labels, once it settles to `text`. */
const expectText = (editor: Locator, text: string): Promise<void> =>
  expect.poll(() => textOf(editor), { timeout: NETWORK_TIMEOUT_MS }).toBe(text);

test('changed since I last looked: B edits while A is away; A sees it marked, marks it seen', async ({
  person,
}, testInfo) => {
  // Two vaults, a join over WebRTC, two axe scans (light and dark) and an export.
  test.setTimeout(2 * VAULT_TIMEOUT_MS + 4 * NETWORK_TIMEOUT_MS);
  const url = appUrl({ lang: 'en', signal: [serverUrls().signal] });
  const anna = (await person(url)).page;
  const boris = (await person(url)).page;
  await createVault(anna);
  await createCell(anna, CELL, 'Anna');
  await openTab(anna, 'Members');
  await inviteAndApprove(anna, boris, 'Boris', CELL);

  // Anna writes; her own text is never "changed" for her.
  await openTab(anna, 'Drafts');
  await createDraft(anna, TITLE);
  const annaEditor = draftText(anna, TITLE);
  await typeAtEnd(anna, annaEditor, FIRST);
  await expect(panel(anna)).toContainText('Nothing changed since you last looked.');
  const borisEditor = await openDraft(boris, TITLE);
  await expectText(borisEditor, FIRST);

  // Anna is away (another tab); Boris deletes "The " and adds a sentence.
  await openTab(anna, 'Tasks');
  // Her caret leaves his editor first (it sat where he is about to delete).
  await expect(borisEditor.locator('.collaboration-carets__caret')).toHaveCount(0, {
    timeout: NETWORK_TIMEOUT_MS,
  });
  await borisEditor.click();
  await boris.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 4; i++) await boris.keyboard.press('Delete');
  await expectText(borisEditor, 'workers met on Monday at the depot.');
  await typeAtEnd(boris, borisEditor, ' Police watched.');
  await expectText(borisEditor, 'workers met on Monday at the depot. Police watched.');
  // Boris's own edits are not marked for him (what of Anna's text reached him after he first
  // opened the draft may be: he had not seen it).
  await expect(borisEditor.locator('.change-inserted').filter({ hasText: 'Police' })).toHaveCount(
    0,
  );
  expect(await deletionLabels(borisEditor)).toEqual([]);

  // Anna comes back: the list says the draft changed; the draft shows what and where.
  await openTab(anna, 'Drafts');
  await expect(draftItem(anna, TITLE)).toContainText('Changed since you looked', {
    timeout: NETWORK_TIMEOUT_MS,
  });
  await expect(annaEditor).toBeVisible();
  await expect(annaEditor.locator('.change-inserted')).toHaveText([' Police watched.']);
  await expect(annaEditor.locator('.change-inserted')).toHaveAttribute('data-changed-by', 'Boris');
  await expect.poll(() => deletionLabels(annaEditor)).toEqual(['deleted: 4']);
  await expect(panel(anna)).toContainText('Characters added by others: 16');
  await expect(panel(anna)).toContainText('Added by: Boris');
  await expect(panel(anna)).toContainText('Characters deleted by others: 4');
  // The marks are decorations: the text itself is what Boris wrote.
  await expectText(annaEditor, 'workers met on Monday at the depot. Police watched.');

  // Anna's own edits while the marks are shown are never marked: she adds and deletes.
  await typeAtEnd(anna, annaEditor, ' Ten held.');
  await anna.keyboard.press('ControlOrMeta+Home');
  await anna.keyboard.press('Delete'); // her deletion of seen text: "w"
  await expectText(annaEditor, 'orkers met on Monday at the depot. Police watched. Ten held.');
  await expect(annaEditor.locator('.change-inserted')).toHaveText([' Police watched.']);
  await expect.poll(() => deletionLabels(annaEditor)).toEqual(['deleted: 4']);
  await checkScreen(anna, testInfo, 'changed-since-seen');

  // The export never carries a mark (status "checked" is still not ready: the dialog warns).
  await anna.getByLabel('Status').selectOption({ label: 'Checked' });
  await anna.getByRole('tab', { name: 'Issues' }).click();
  await anna.getByRole('button', { name: 'New issue' }).click();
  const form = anna.getByRole('form', { name: 'New issue' });
  await form.getByLabel('Title').fill('Bulletin');
  await form.getByLabel('Date printed on the issue').fill('2026-12-07');
  await form.getByRole('button', { name: 'Create issue' }).click();
  const workspace = anna.getByRole('region', { name: 'Bulletin' });
  await workspace.getByRole('button', { name: `Add “${TITLE}” to the issue` }).click();
  await workspace.getByRole('button', { name: 'Export…' }).click();
  const dialog = anna.getByRole('dialog', { name: 'Export “Bulletin”' });
  await expect(dialog).toContainText('marked “Checked”');
  await dialog.getByRole('checkbox', { name: 'Export anyway' }).check();
  const html = (await downloadFrom(anna, dialog.getByRole('button', { name: 'Save HTML' }))).bytes;
  const md = (await downloadFrom(anna, dialog.getByRole('button', { name: 'Save Markdown' })))
    .bytes;
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The print HTML hyphenates (soft hyphens): the words are compared without them.
  for (const file of [html.toString('utf8'), md.toString('utf8')].map((f) =>
    f.replaceAll('\u00ad', ''),
  )) {
    expect(file).toContain('orkers met on Monday at the depot. Police watched. Ten held.');
    for (const mark of [
      'change-inserted',
      'change-deleted',
      'deleted: 4',
      'data-changed-by',
      'Boris',
    ])
      expect(file).not.toContain(mark);
  }

  // Mark as seen: the marks and the flag go, and stay gone after she leaves and comes back.
  await openTab(anna, 'Drafts');
  await panel(anna).getByRole('button', { name: 'Mark as seen' }).click();
  await expect(annaEditor.locator('.change-inserted')).toHaveCount(0);
  expect(await deletionLabels(annaEditor)).toEqual([]);
  await expect(panel(anna)).toContainText('Nothing changed since you last looked.');
  await expect(draftItem(anna, TITLE)).not.toContainText('Changed since you looked');
  await openTab(anna, 'Tasks');
  await openTab(anna, 'Drafts');
  await expect(annaEditor).toBeVisible();
  await expect(panel(anna)).toContainText('Nothing changed since you last looked.');
  await expect(annaEditor.locator('.change-inserted')).toHaveCount(0);
});
