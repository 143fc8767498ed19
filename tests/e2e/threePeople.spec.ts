import { checkScreen } from './checkScreen.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  addTask,
  caretColour,
  caretNames,
  column,
  expectConverged,
  NETWORK_TIMEOUT_MS,
  openDraft,
  openTab,
  taskCard,
  textOf,
  threePeopleInOneCell,
  titlesIn,
  typeAtEnd,
} from './threePeopleSteps.ts';
import { createDraft, draftText } from './fixtures.ts';
import { secretsIn } from '../support/imageCorpus.ts';
import {
  describeAndInsert,
  makeCorpus,
  pasteImage,
  recordBlobUrls,
  shownBytes,
} from './imageSteps.ts';
import { VAULT_TIMEOUT_MS } from './shellSteps.ts';

/**
 * Issue #7's first journey in the real app, three people in three browser contexts: real
 * Argon2id vaults, real invites approved after comparing safety words, every edit sealed,
 * signed and carried over WebRTC through the test rendezvous server.
 */
test('three people: invite and approve, co-edit with carets, versions, tasks, exposure warning', async ({
  person,
}, testInfo) => {
  test.setTimeout(6 * VAULT_TIMEOUT_MS);
  const { anna, boris, chen } = await threePeopleInOneCell(person, 'Newsletter');
  const everyone = [anna, boris, chen] as const;
  await checkScreen(anna, testInfo, 'three-members');

  // One draft Anna created; each person types in it; all three converge to the same text.
  await openTab(anna, 'Drafts');
  await createDraft(anna, 'Issue 3');
  const annaEditor = draftText(anna, 'Issue 3');
  await typeAtEnd(anna, annaEditor, 'Anna opens. ');
  const borisEditor = await openDraft(boris, 'Issue 3');
  const chenEditor = await openDraft(chen, 'Issue 3');
  const editors = [annaEditor, borisEditor, chenEditor] as const;
  await expectConverged(editors, ['Anna opens.']);
  await typeAtEnd(boris, borisEditor, 'Boris adds. ');
  // Chen types after Boris's sentence once she sees it whole (his last keystrokes may still be
  // in his batch window; typing after half of it would merge inside it).
  await expectConverged([borisEditor, chenEditor], ['Boris adds.']);
  await typeAtEnd(chen, chenEditor, 'Chen closes.');
  await expectConverged(editors, ['Anna opens.', 'Boris adds.', 'Chen closes.']);

  // Each sees the other two's carets, labelled with the roster's pseudonyms.
  type Name = 'Anna' | 'Boris' | 'Chen';
  const others: Record<Name, Name[]> = {
    Anna: ['Boris', 'Chen'],
    Boris: ['Anna', 'Chen'],
    Chen: ['Anna', 'Boris'],
  };
  for (const [page, me, editor] of [
    [anna, 'Anna', annaEditor],
    [boris, 'Boris', borisEditor],
    [chen, 'Chen', chenEditor],
  ] as const) {
    await editor.click();
    await expect.poll(() => caretNames(page), { timeout: NETWORK_TIMEOUT_MS }).toEqual(others[me]);
  }
  // ... and each person's caret has the same colour on both other screens (derived from their key).
  // (Their own header swatch is not compared: it shows the identity's own random colour, which
  // differs from what the others see; reported, not fixed here.)
  const viewers: Record<Name, readonly [Page, Page]> = {
    Anna: [boris, chen],
    Boris: [anna, chen],
    Chen: [anna, boris],
  };
  for (const name of ['Anna', 'Boris', 'Chen'] as const) {
    const [first, second] = viewers[name];
    expect(await caretColour(first, name)).toBe(await caretColour(second, name));
  }
  // Who is in the draft now, as avatars (issue 19 item 12): you first, then the others.
  for (const [page, me] of [
    [anna, 'Anna'],
    [boris, 'Boris'],
    [chen, 'Chen'],
  ] as const) {
    await expect(page.getByTestId('presence-avatars').getByRole('listitem')).toHaveText(
      [`${me} (you)`, ...others[me]].map((name) => new RegExp(`${name.replace(/[()]/g, '\\$&')}$`)),
      { timeout: NETWORK_TIMEOUT_MS },
    );
  }
  await checkScreen(boris, testInfo, 'three-drafts-carets');

  // A named version, a change, a restore: everyone sees the restored text.
  await anna.getByRole('textbox', { name: 'Name for a new version' }).fill('First pass');
  await anna.getByRole('button', { name: 'Save version' }).click();
  await expect(
    anna.getByRole('status').filter({ hasText: 'Saved the version “First pass”.' }),
  ).toBeVisible();
  const saved = await textOf(annaEditor);
  await typeAtEnd(chen, chenEditor, ' Then a late change.');
  await expectConverged(editors, ['Then a late change.']);
  for (const page of everyone) {
    await expect(page.getByRole('button', { name: 'Restore version “First pass”' })).toBeVisible({
      timeout: NETWORK_TIMEOUT_MS,
    });
  }
  await anna.getByRole('button', { name: 'Restore version “First pass”' }).click();
  const confirm = anna.getByRole('dialog', { name: 'Restore “First pass”?' });
  await checkScreen(anna, testInfo, 'three-restore-dialog');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(confirm).toBeHidden();
  for (const editor of editors) {
    await expect.poll(() => textOf(editor), { timeout: NETWORK_TIMEOUT_MS }).toBe(saved);
  }
  for (const page of everyone) {
    await expect(
      page.getByRole('button', { name: 'View version “Before restoring “First pass””' }),
    ).toBeVisible({ timeout: NETWORK_TIMEOUT_MS });
  }

  // Anna pastes a photo carrying GPS, serials and a thumbnail (issue 18): it is cleaned in her
  // worker, travels as its own sealed image document, and Boris and Chen see it with its caption,
  // carrying no metadata byte.
  await recordBlobUrls(boris);
  const [photo] = await makeCorpus(anna);
  if (!photo) throw new Error('no corpus photo');
  const pasted = await pasteImage(anna, annaEditor, photo);
  await expect(pasted.getByRole('list', { name: 'Removed from the original' })).toContainText(
    'GPS position',
    { timeout: 20_000 },
  );
  await describeAndInsert(pasted, 'Crowd at the square', 'The square on Saturday');
  for (const editor of [borisEditor, chenEditor]) {
    const figure = editor.getByRole('figure', { name: 'The square on Saturday' });
    await expect(figure.getByRole('img', { name: 'Crowd at the square' })).toBeVisible({
      timeout: NETWORK_TIMEOUT_MS,
    });
  }
  const received = await shownBytes(borisEditor.getByRole('img', { name: 'Crowd at the square' }));
  expect(secretsIn(received)).toEqual([]);

  // Tasks: Anna adds three and gives one to Boris.
  for (const page of everyone) await openTab(page, 'Tasks');
  for (const title of ['Find a printer', 'Translate the editorial', 'Speak at the rally']) {
    await addTask(anna, title);
  }
  for (const page of everyone) {
    await expect
      .poll(() => titlesIn(column(page, 'To do')), { timeout: NETWORK_TIMEOUT_MS })
      .toEqual(['Find a printer', 'Translate the editorial', 'Speak at the rally']);
  }
  await anna.getByRole('button', { name: 'Edit “Find a printer”' }).click();
  const edit = anna.getByRole('dialog', { name: 'Edit task' });
  await edit.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Boris' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(taskCard(boris, 'Find a printer')).toContainText('Assigned to you', {
    timeout: NETWORK_TIMEOUT_MS,
  });
  await expect(taskCard(chen, 'Find a printer')).toContainText('Assigned to Boris', {
    timeout: NETWORK_TIMEOUT_MS,
  });

  // Boris moves his task with the keyboard; Chen drags another; every move reaches everyone.
  await boris.getByRole('button', { name: 'Edit “Find a printer”' }).focus();
  await boris.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => titlesIn(column(boris, 'Doing'))).toEqual(['Find a printer']);
  await taskCard(chen, 'Translate the editorial').dragTo(column(chen, 'Done'));
  await expect.poll(() => titlesIn(column(chen, 'Done'))).toEqual(['Translate the editorial']);
  for (const page of everyone) {
    await expect
      .poll(
        async () => [
          await titlesIn(column(page, 'To do')),
          await titlesIn(column(page, 'Doing')),
          await titlesIn(column(page, 'Done')),
        ],
        { timeout: NETWORK_TIMEOUT_MS },
      )
      .toEqual([['Speak at the rally'], ['Find a printer'], ['Translate the editorial']]);
  }
  await checkScreen(chen, testInfo, 'three-tasks');

  // Archive and trash (issue 19 item 9): Boris may not touch Anna's task; Anna, coordinator,
  // moves one to the trash; it leaves every board and waits in everyone's trash.
  await boris.getByRole('button', { name: 'Edit “Speak at the rally”' }).click();
  const borisEdit = boris.getByRole('dialog', { name: 'Edit task' });
  await expect(borisEdit.getByRole('button', { name: 'Save' })).toBeVisible();
  await expect(borisEdit.getByRole('button', { name: /trash/ })).toHaveCount(0);
  await borisEdit.getByRole('button', { name: 'Cancel' }).click();
  await anna.getByRole('button', { name: 'Edit “Speak at the rally”' }).click();
  await anna
    .getByRole('dialog', { name: 'Edit task' })
    .getByRole('button', { name: 'Move “Speak at the rally” to the trash' })
    .click();
  for (const page of everyone) {
    await expect
      .poll(() => titlesIn(column(page, 'To do')), { timeout: NETWORK_TIMEOUT_MS })
      .toEqual([]);
  }
  const show = chen.getByRole('combobox', { name: 'Show' });
  await expect(show.locator('option[value="trashed"]')).toHaveText('Trash (1)');
  await show.selectOption('trashed');
  await expect.poll(() => titlesIn(column(chen, 'To do'))).toEqual(['Speak at the rally']);
  await expect(chen.getByText('The trash empties itself 30 days')).toBeVisible();
  await show.selectOption('active');

  // Chen says she is inside the country: she goes relay-only at once (issue 16), and as this cell
  // has no TURN server she is offline and told why; nothing leaves her device directly any more.
  // (The warning when giving exposing work to a member inside is walked with a seeded member in
  // localisation.spec.ts, in three languages; her own warning there too.)
  await chen.getByRole('checkbox', { name: 'I am inside the country' }).check();
  await expect(chen.locator('p.cell-status')).toHaveAttribute('data-state', 'noRelay', {
    timeout: NETWORK_TIMEOUT_MS,
  });
  await expect(chen.locator('p.cell-status')).toContainText('this cell has no relay (TURN) server');
  await checkScreen(chen, testInfo, 'three-inside-offline');
});
