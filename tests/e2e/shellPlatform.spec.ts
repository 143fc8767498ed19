import { appUrl, expect, serverUrls, test } from './fixtures.ts';
import { createVault, unlock, VAULT_TIMEOUT_MS } from './shellSteps.ts';

/**
 * The shell against the Electron platform adapter: the Electron binary cannot run here, so the
 * page gets a `window.quire` that records calls, as the preload would expose it. Proves the
 * shell's side of the port: OS lock, content protection, panic wipe with a relaunching host, and
 * that the `?autolockMs=` test hook is ignored outside a plain browser.
 */
test('with the desktop platform: OS lock locks, content protection follows the setting, panic wipe hands over to the host', async ({
  person,
}) => {
  test.setTimeout(2 * VAULT_TIMEOUT_MS);
  const url = new URL(appUrl({ lang: 'en', signal: [serverUrls().signal] }));
  url.searchParams.set('autolockMs', '500');
  const { page } = await person(url.toString());
  await page.addInitScript(() => {
    const calls: string[] = [];
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const unsupported = () =>
      Promise.resolve({ ok: false as const, error: 'unsupported' as const });
    const w = window as unknown as Record<string, unknown>;
    w['__calls'] = calls;
    Object.defineProperty(window, 'quire', {
      value: Object.freeze({
        info: () => ok({ platform: 'darwin', version: 'test' }),
        openExternal: () => ok({ opened: false }),
        // Records which storage buckets still exist when the host is asked to wipe.
        panicWipe: async () => {
          const manager = (
            navigator as unknown as { storageBuckets: { keys(): Promise<string[]> } }
          ).storageBuckets;
          calls.push(`panicWipe(buckets: [${(await manager.keys()).join(',')}])`);
          return { ok: true as const, value: { relaunching: true } };
        },
        setContentProtection: (on: boolean) => {
          calls.push(`contentProtection:${on}`);
          return ok({ supported: true });
        },
        setRelayOnly: () => ok({ policy: 'default_public_interface_only' }),
        startLanRendezvous: unsupported,
        stopLanRendezvous: unsupported,
        printToPdf: unsupported,
        saveFile: unsupported,
        onLock: (listener: (reason: string) => void) => {
          calls.push('onLock');
          w['__lock'] = listener;
          return () => {
            calls.push('offLock');
            w['__lock'] = undefined;
          };
        },
      }),
    });
  });
  await page.reload(); // now with the desktop platform
  await expect(page.locator('html')).toHaveAttribute('data-sodium', 'ready');
  const calls = (): Promise<string[]> =>
    page.evaluate(() => [...(window as unknown as { __calls: string[] }).__calls]);

  await createVault(page);
  await expect
    .poll(async () => (await calls()).sort())
    .toEqual(['contentProtection:true', 'onLock']);

  // The test hook is for the web build only: nothing locks after 500 ms here.
  await page.waitForTimeout(1500);
  await expect(page.getByRole('navigation', { name: 'Quire navigation' })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Quire navigation' })
    .getByRole('button', { name: 'Settings' })
    .click();
  const protection = page.getByLabel('Keep Quire out of screenshots and screen sharing');
  await expect(protection).toBeChecked();
  await expect(
    page.getByText('Asks the operating system to show this window as blank'),
  ).toBeVisible();
  await protection.uncheck();
  await expect.poll(calls).toContain('contentProtection:false');

  // The OS locks the screen: the app locks and stops listening until unlocked again.
  await page.evaluate(() =>
    (window as unknown as { __lock: (r: string) => void }).__lock('lock-screen'),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Quire is locked' })).toBeVisible();
  await expect.poll(calls).toContain('offLock');
  await unlock(page);
  // The sealed setting came back off, and was applied again on unlock.
  await expect
    .poll(async () => (await calls()).slice(-2).sort())
    .toEqual(['contentProtection:false', 'onLock']);

  // Panic wipe: the host is asked after the vault is gone, and relaunches the app itself.
  await page
    .getByRole('navigation', { name: 'Quire navigation' })
    .getByRole('button', { name: 'Settings' })
    .click();
  await page.getByRole('button', { name: 'Wipe everything now' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Wipe everything' }).click();
  await expect.poll(calls).toContain('panicWipe(buckets: [])');
  await expect(page.getByRole('heading', { level: 1, name: 'Wiping everything…' })).toBeVisible();
  const buckets = await page.evaluate(async () => {
    const manager = (navigator as unknown as { storageBuckets?: { keys(): Promise<string[]> } })
      .storageBuckets;
    return manager ? await manager.keys() : [];
  });
  expect(buckets).toEqual([]);
});
