import { checkScreen } from './checkScreen.ts';
import { createDraft, draftText, expect, test } from './fixtures.ts';
import { VAULT_TIMEOUT_MS } from './shellSteps.ts';
import {
  addTask,
  boardOf,
  expectConverged,
  memberRow,
  NETWORK_TIMEOUT_MS,
  openDraft,
  openTab,
  taskCard,
  textOf,
  threePeopleInOneCell,
  typeAtEnd,
} from './threePeopleSteps.ts';

/**
 * The coordinator removes one of three people: the removed person's view says so, and what the
 * other two write afterwards never reaches them (the cell moved to a key they do not have).
 */
test('three people: the coordinator removes one; their view says so and receives nothing more', async ({
  person,
}, testInfo) => {
  test.setTimeout(6 * VAULT_TIMEOUT_MS);
  const { anna, boris, chen } = await threePeopleInOneCell(person, 'Print run');
  await openTab(anna, 'Tasks');
  await addTask(anna, 'Collect the leaflets');
  await anna.getByRole('button', { name: 'Edit “Collect the leaflets”' }).click();
  const edit = anna.getByRole('dialog', { name: 'Edit task' });
  await edit.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Boris' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(taskCard(anna, 'Collect the leaflets')).toContainText('Assigned to Boris');
  await openTab(anna, 'Drafts');
  await createDraft(anna, 'Minutes');
  let annaEditor = draftText(anna, 'Minutes');
  await typeAtEnd(anna, annaEditor, 'Agreed: print on Friday. ');
  const borisEditor = await openDraft(boris, 'Minutes');
  let chenEditor = await openDraft(chen, 'Minutes');
  await expectConverged([annaEditor, borisEditor], ['Agreed: print on Friday.']);
  await typeAtEnd(boris, borisEditor, 'Boris takes the van. ');
  const before = await expectConverged(
    [annaEditor, borisEditor, chenEditor],
    ['Agreed: print on Friday.', 'Boris takes the van.'],
  );

  // Anna removes Boris.
  await openTab(anna, 'Members');
  await memberRow(anna, 'Boris').getByRole('button', { name: 'Remove Boris' }).click();
  const dialog = anna.getByRole('dialog', { name: 'Remove Boris from this cell?' });
  await expect(dialog).toContainText('Boris gets nothing written from now on');
  // His open task goes to Chen once the removal counts (issue #19 item 1).
  await dialog
    .getByRole('combobox', { name: /^Boris has open tasks \(1\)/ })
    .selectOption({ label: 'Chen' });
  await dialog.getByRole('button', { name: 'Remove Boris' }).click();
  await expect(dialog).toBeHidden();
  const outcome = anna.getByText('Boris was removed and the cell moved to a new key.');
  await expect(outcome).toBeVisible();
  await expect(outcome).toContainText('Open tasks given to Chen: 1.');
  await openTab(chen, 'Members');
  await expect(memberRow(chen, 'Boris')).toHaveCount(0, { timeout: NETWORK_TIMEOUT_MS });
  // The removal leaves a trace every member sees (issue #19 item 11).
  await expect(chen.getByTestId('former-members')).toContainText('Boris');
  await expect(chen.getByTestId('former-members')).toContainText('Removed');
  await expect(chen.getByTestId('membership-log')).toContainText('Anna removed Boris.');

  // Boris's view says what happened.
  const banner = boris
    .getByRole('alert')
    .filter({ hasText: 'You are no longer a member of this cell' });
  await expect(banner).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  await expect(banner).toContainText('This cell no longer receives edits');
  // His status says so too, and the draft no longer offers him edits that would reach no one.
  await expect(boris.locator('.cell-status')).toHaveAttribute('data-state', 'removed');
  await expect(boris.locator('.cell-status')).toContainText('Not a member of this cell any more');
  await expect(borisEditor).toHaveAttribute('contenteditable', 'false');
  await checkScreen(boris, testInfo, 'removed-drafts');

  // Anna and Chen go on writing.
  annaEditor = await openDraft(anna, 'Minutes');
  chenEditor = await openDraft(chen, 'Minutes');
  await typeAtEnd(anna, annaEditor, 'Anna after the removal. ');
  await expectConverged([annaEditor, chenEditor], ['Anna after the removal.']);
  await typeAtEnd(chen, chenEditor, 'Chen after the removal. ');
  const after = await expectConverged(
    [annaEditor, chenEditor],
    ['Anna after the removal.', 'Chen after the removal.'],
  );
  await openTab(chen, 'Tasks');
  await addTask(chen, 'Change the meeting place');
  await openTab(anna, 'Tasks');
  await expect
    .poll(() => boardOf(anna), { timeout: NETWORK_TIMEOUT_MS })
    .toEqual([['Change the meeting place', 'Collect the leaflets'], [], []]);
  await expect(taskCard(anna, 'Collect the leaflets')).toContainText('Assigned to Chen');
  // Work nobody is doing, at a click.
  await anna.getByRole('checkbox', { name: 'Only work nobody is doing' }).check();
  await expect.poll(() => boardOf(anna)).toEqual([['Change the meeting place'], [], []]);
  await anna.getByRole('checkbox', { name: 'Only work nobody is doing' }).uncheck();

  // Now that the two have converged, Boris still has only what there was before.
  expect(after).toContain(before.trim());
  expect(await textOf(borisEditor)).toBe(before);
  await openTab(boris, 'Tasks');
  expect(await boardOf(boris)).toEqual([['Collect the leaflets'], [], []]);
  // One removed state: no role line and no drag hint under the banner (issue 19 item 4).
  await expect(boris.getByText('Your role in this cell is reader')).toHaveCount(0);
  await expect(boris.getByText('Drag tasks between columns')).toHaveCount(0);
  await checkScreen(boris, testInfo, 'removed-tasks');

  // Boris deletes this device's copy of the cell, after a confirmation.
  await banner.getByRole('button', { name: 'Remove this cell from this device' }).click();
  const forget = boris.getByRole('dialog', { name: 'Remove “Print run” from this device?' });
  await expect(forget).toContainText('It cannot be undone');
  await forget.getByRole('button', { name: 'Remove this cell from this device' }).click();
  await expect(boris.getByRole('heading', { name: 'You are not in any cell yet' })).toBeVisible();
  await expect(boris.getByRole('button', { name: /Print run/ })).toHaveCount(0);
});
