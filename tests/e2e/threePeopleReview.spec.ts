import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './checkScreen.ts';
import { commentOnSelection, selectLast, thread } from './commentSteps.ts';
import { downloadFrom } from './exportSteps.ts';
import { createDraft, draftText, expect, test } from './fixtures.ts';
import { VAULT_TIMEOUT_MS } from './shellSteps.ts';
import {
  expectConverged,
  NETWORK_TIMEOUT_MS,
  openDraft,
  openTab,
  textOf,
  threePeopleInOneCell,
  typeAtEnd,
} from './threePeopleSteps.ts';

const ORIGINAL = 'The plant dumps waste at night.';
const SUGGESTED = 'The plant secretly dumps waste at night.';
const ACCEPTED = 'The plant secretly dumps waste.';
const COMMENT = 'Two witnesses saw it: keep the time?';
/** What must never reach an export: review marks, colours, names, the comment. */
const NEVER_EXPORTED = [
  COMMENT,
  'suggest',
  'Suggest',
  'comment-mark',
  'authored',
  'data-author',
  '{++',
  '{--',
  'Anna',
  'Boris',
  'Chen',
];

/** Anna exports the issue holding the draft, past the review warning; Markdown and HTML. */
async function exportIssue(anna: Page, masthead: string): Promise<{ md: string; html: string }> {
  await anna.getByRole('tab', { name: 'Issues' }).click();
  // Coming back to the tab, no issue is open: open it from the list.
  await anna
    .getByRole('navigation', { name: 'Issues' })
    .getByRole('button', { name: new RegExp(`^${masthead}`) })
    .click();
  const workspace = anna.getByRole('region', { name: masthead });
  await workspace.getByRole('button', { name: 'Export…' }).click();
  const dialog = anna.getByRole('dialog', { name: `Export “${masthead}”` });
  await dialog.getByRole('checkbox', { name: 'Export anyway' }).check();
  const md = await downloadFrom(anna, dialog.getByRole('button', { name: 'Save Markdown' }));
  const html = await downloadFrom(anna, dialog.getByRole('button', { name: 'Save HTML' }));
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The print HTML hyphenates (soft hyphens): the words are compared without them.
  return {
    md: md.bytes.toString('utf8'),
    html: html.bytes.toString('utf8').replaceAll('\u00ad', ''),
  };
}

function expectClean(file: string, what: string): void {
  for (const needle of NEVER_EXPORTED) expect(file, `${what}: ${needle}`).not.toContain(needle);
}

const suggestionsOf = (page: Page): Locator =>
  page.getByRole('region', { name: 'Suggestions' }).getByRole('listitem');

/**
 * Issue #17 item 2, three people over the real app (vaults, invites, WebRTC): Anna suggests a
 * change, Boris comments on it, Chen accepts it by keyboard; everyone ends with the same text,
 * and no export, before or after the decision, holds a suggestion, a comment or a colour.
 */
test('three people review by suggestion: A suggests, B comments, C accepts; exports stay clean', async ({
  person,
}) => {
  test.setTimeout(6 * VAULT_TIMEOUT_MS);
  const { anna, boris, chen } = await threePeopleInOneCell(person, 'Review desk');
  await openTab(anna, 'Drafts');
  await createDraft(anna, 'Leaflet');
  const annaEditor = draftText(anna, 'Leaflet');
  await typeAtEnd(anna, annaEditor, ORIGINAL);
  const borisEditor = await openDraft(boris, 'Leaflet');
  const chenEditor = await openDraft(chen, 'Leaflet');
  const editors = [annaEditor, borisEditor, chenEditor] as const;
  await expectConverged(editors, [ORIGINAL]);

  // Anna suggests: " at night" struck, "secretly " added.
  const toggle = anna.getByRole('button', { name: 'Suggest changes' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await annaEditor.click();
  // The caret just before the final full stop, checked before deleting (a key pressed while the
  // click's selection was still settling landed elsewhere under load: CI).
  const nextChar = () =>
    anna.evaluate(() => {
      const sel = window.getSelection();
      return sel?.focusNode?.textContent?.slice(sel.focusOffset, sel.focusOffset + 1) ?? '';
    });
  await expect(async () => {
    await anna.keyboard.press('ControlOrMeta+End');
    await anna.keyboard.press('ArrowLeft');
    expect(await nextChar()).toBe('.');
  }).toPass({ timeout: 10_000 });
  for (let i = 0; i < ' at night'.length; i++) await anna.keyboard.press('Backspace');
  await anna.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 'The plant '.length; i++) await anna.keyboard.press('ArrowRight');
  await anna.keyboard.type('secretly ');
  // Her caret (shown to the others with her name, inside the text) out of the sentence.
  await anna.keyboard.press('ControlOrMeta+End');
  expect(await expectConverged(editors, [SUGGESTED])).toBe(SUGGESTED);
  for (const editor of [borisEditor, chenEditor]) {
    await expect(editor.locator('.suggestion--insert[data-suggester="Anna"]')).toHaveText(
      'secretly ',
      { timeout: NETWORK_TIMEOUT_MS },
    );
    await expect(editor.locator('.suggestion--delete[data-suggester="Anna"]')).toHaveText(
      ' at night',
    );
  }
  await expect(suggestionsOf(chen)).toHaveText([
    /Anna suggests adding “secretly ”/,
    /Anna suggests deleting “ at night”/,
  ]);

  // Boris comments on the proposed deletion; Chen and Anna see it under his name.
  await selectLast(boris, borisEditor, 'at night.');
  await commentOnSelection(boris, COMMENT);
  for (const page of [anna, chen]) {
    await expect(thread(page, 'Boris')).toContainText(COMMENT, { timeout: NETWORK_TIMEOUT_MS });
  }
  expect(await seriousViolations(chen)).toEqual([]);

  // An issue with the draft, exported while the suggestions are open: the text as it stood.
  await anna.getByRole('tab', { name: 'Issues' }).click();
  await anna.getByRole('button', { name: 'New issue' }).click();
  const form = anna.getByRole('form', { name: 'New issue' });
  await form.getByLabel('Title').fill('Bulletin');
  await form.getByLabel('Date printed on the issue').fill('2025-11-07');
  await form.getByRole('button', { name: 'Create issue' }).click();
  const workspace = anna.getByRole('region', { name: 'Bulletin' });
  await workspace.getByRole('button', { name: 'Add “Leaflet” to the issue' }).click();
  await workspace.getByRole('button', { name: 'Export…' }).click();
  const review = anna
    .getByRole('dialog', { name: 'Export “Bulletin”' })
    .getByRole('region', { name: 'Not ready to print' });
  await expect(review).toContainText('open suggestions: 2');
  await expect(review).toContainText('open comments: 1');
  await anna.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  const before = await exportIssue(anna, 'Bulletin');
  for (const file of [before.md, before.html]) expect(file).toContain(ORIGINAL);
  expectClean(before.md, 'Markdown with open suggestions');
  expectClean(before.html, 'HTML with open suggestions');

  // Chen accepts both, by keyboard; everyone converges on the accepted text.
  await expect(suggestionsOf(chen)).toHaveCount(2);
  await chen.getByRole('button', { name: 'Accept all' }).focus();
  await chen.keyboard.press('Enter');
  await openDraft(anna, 'Leaflet'); // back from the Issues tab
  expect(await expectConverged(editors, [ACCEPTED])).toBe(ACCEPTED);
  for (const editor of editors) {
    await expect(editor.locator('.suggestion')).toHaveCount(0, { timeout: NETWORK_TIMEOUT_MS });
    expect(await textOf(editor)).toBe(ACCEPTED);
  }
  for (const page of [anna, boris]) {
    await expect(page.getByText('No open suggestions.')).toBeVisible({
      timeout: NETWORK_TIMEOUT_MS,
    });
  }
  const after = await exportIssue(anna, 'Bulletin');
  for (const file of [after.md, after.html]) expect(file).toContain(ACCEPTED);
  expectClean(after.md, 'Markdown after acceptance');
  expectClean(after.html, 'HTML after acceptance');
});
