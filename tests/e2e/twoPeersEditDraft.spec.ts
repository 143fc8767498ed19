import {
  appUrl,
  connectionStatus,
  createDraft,
  draftText,
  expect,
  serverUrls,
  test,
  uniqueRoom,
} from './fixtures.ts';

test('two people edit one draft live through our own rendezvous server', async ({
  person,
}, testInfo) => {
  const { signal } = serverUrls();
  const url = appUrl({ room: uniqueRoom(), signal: [signal], lang: 'en' });
  const alice = await person(url);
  const bob = await person(url);

  for (const someone of [alice, bob]) {
    await expect(connectionStatus(someone.page)).toHaveAttribute('data-state', 'reachable');
    await expect(connectionStatus(someone.page)).toHaveAttribute('data-peers', '1');
    await expect(connectionStatus(someone.page)).toContainText('Peers connected: 1');
  }

  // Alice creates a draft and types; Bob sees the draft in his list and her text.
  await createDraft(alice.page, 'Issue 12');
  const aliceText = draftText(alice.page, 'Issue 12');
  await aliceText.focus();
  await alice.page.keyboard.type('Hello from Alice.');
  await bob.page.getByRole('button', { name: 'Issue 12' }).click();
  const bobText = draftText(bob.page, 'Issue 12');
  await expect(bobText).toHaveValue('Hello from Alice.');

  // Bob appends; Alice sees it. Her caret was exactly where Bob inserted: it must stay there.
  await bobText.focus();
  await bob.page.keyboard.press('Control+End');
  await bob.page.keyboard.type(' Bob agrees.');
  await expect(aliceText).toHaveValue('Hello from Alice. Bob agrees.');
  await alice.page.keyboard.type(' Yes!');
  const afterAlice = 'Hello from Alice. Yes! Bob agrees.';
  await expect(aliceText).toHaveValue(afterAlice);
  await expect(bobText).toHaveValue(afterAlice);

  // Bob inserts before Alice's caret: her caret must shift with the text, not jump or stay.
  await bob.page.keyboard.press('Control+Home');
  await bob.page.keyboard.type('Dear all. ');
  await expect(aliceText).toHaveValue(`Dear all. ${afterAlice}`);
  await alice.page.keyboard.type(' :)');
  const final = 'Dear all. Hello from Alice. Yes! :) Bob agrees.';
  await expect(aliceText).toHaveValue(final);
  await expect(bobText).toHaveValue(final);

  await alice.page.screenshot({ path: testInfo.outputPath('two-peers-alice.png') });

  // Only our own rendezvous server was contacted, never y-webrtc's public default.
  for (const someone of [alice, bob]) {
    expect(someone.sockets.length).toBeGreaterThan(0);
    for (const socket of someone.sockets) expect(socket.replace(/\/$/, '')).toBe(signal);
  }
});
