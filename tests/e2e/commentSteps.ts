import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Selects the last characters of the draft, `text`, with the keyboard (Shift+Left from the end). */
export async function selectLast(page: Page, editor: Locator, text: string): Promise<void> {
  // Selected with the keyboard as a person would; checked, because a key pressed while a remote
  // edit re-renders the paragraph can land before the caret moved (seen once in CI).
  await expect(async () => {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    for (let i = 0; i < text.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(text);
  }).toPass({ timeout: 20_000 });
}

/** Comments `text` on the text selected in the open draft, from the side panel. */
export async function commentOnSelection(scope: Page | Locator, text: string): Promise<void> {
  await scope.getByRole('textbox', { name: 'Comment on the selected text' }).fill(text);
  await scope.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(scope.getByRole('status').filter({ hasText: 'Comment added.' })).toBeVisible();
}

/** The thread `who` started, as this page (or pane) lists it. */
export const thread = (scope: Page | Locator, who: string): Locator =>
  scope.getByRole('listitem', { name: `Comment by ${who}`, exact: true });

/** The draft's entry in the list (its text starts with the title; titles here are plain words). */
export const draftItem = (scope: Page | Locator, title: string): Locator =>
  scope.locator('button.draft-item').filter({ hasText: new RegExp(`^${title}`) });
