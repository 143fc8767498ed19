import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../shared/platform/Platform.ts';
import { ok } from '../../../shared/util/result.ts';
import { hasVault } from '../../../shared/vault/hasVault.ts';
import { browserPlatform } from '../../../renderer/platform/browserPlatform.ts';
import type { AppSession } from '../../../renderer/session/AppSession.ts';
import { lockEverything } from '../../../renderer/shell/lockEverything.ts';
import { runPanicWipe } from '../../../renderer/shell/runPanicWipe.ts';
import { fastVault } from '../vault/vaultFixture.ts';

/** An AppSession whose lock() we control; everything else is out of scope here. */
function sessionWithLock(lock: () => Promise<void>): AppSession & { locks: number } {
  const session = {
    locks: 0,
    cells: () => [],
    onCellsChange: () => () => undefined,
    createCell: () => Promise.reject(new Error('not used')),
    openCell: () => Promise.reject(new Error('not used')),
    join: () => Promise.reject(new Error('not used')),
    removeCellFromDevice: () => Promise.reject(new Error('not used')),
    lock: () => {
      session.locks++;
      return lock();
    },
  };
  return session;
}

const noHost = { confirm: () => false, open: () => undefined };

describe('lockEverything', () => {
  it('closes the session first, then zeroes the vault keys', async () => {
    const { vault } = await fastVault();
    let lockedDuringSessionLock: boolean | undefined;
    const session = sessionWithLock(() => {
      lockedDuringSessionLock = vault.locked;
      return Promise.resolve();
    });
    await lockEverything(session, vault);
    expect(session.locks).toBe(1);
    expect(lockedDuringSessionLock).toBe(false); // it could still seal pending edits
    expect(vault.locked).toBe(true);
    await expect(vault.store.get('settings', 'app')).rejects.toMatchObject({ code: 'locked' });
  });

  it('zeroes the keys even when the session fails or hangs', async () => {
    const failing = await fastVault();
    await lockEverything(
      sessionWithLock(() => Promise.reject(new Error('boom'))),
      failing.vault,
    );
    expect(failing.vault.locked).toBe(true);

    const hanging = await fastVault();
    const started = Date.now();
    await lockEverything(
      sessionWithLock(() => new Promise(() => undefined)),
      hanging.vault,
      50,
    );
    expect(hanging.vault.locked).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('runPanicWipe', () => {
  it('destroys the wrapped key first, then the store, then asks the host; locks vault and session', async () => {
    const { storage, vault } = await fastVault();
    await vault.store.put('settings', 'app', new Uint8Array([1, 2, 3]));
    storage.calls.length = 0;
    const steps: string[] = [];
    const base = browserPlatform(noHost);
    const platform: Platform = {
      ...base,
      panicWipe: () => {
        steps.push(`host (store wiped: ${storage.calls.some((c) => c.kind === 'wipe')})`);
        return base.panicWipe();
      },
    };
    const destroyContainer = (): Promise<void> => {
      steps.push(`container (store wiped: ${storage.calls.some((c) => c.kind === 'wipe')})`);
      return Promise.reject(new Error('a failing container delete must not stop the wipe'));
    };
    const session = sessionWithLock(() => new Promise(() => undefined)); // never waited for
    const outcome = await runPanicWipe({ storage, vault, session }, platform, destroyContainer);

    expect(outcome).toEqual({ report: { headerDestroyed: true, wiped: true }, relaunching: false });
    expect(vault.locked).toBe(true);
    expect(session.locks).toBe(1);
    expect(steps).toEqual(['container (store wiped: true)', 'host (store wiped: true)']);
    // Order on storage: overwrite header with random bytes, delete it, then wipe everything.
    const kinds = storage.calls.map((c) =>
      c.kind === 'write' ? `${c.ops[0]?.op}:${c.ops[0]?.table}` : c.kind,
    );
    expect(kinds).toEqual(['put:vault', 'delete:vault', 'wipe']);
    expect(storage.rowCount()).toBe(0);
    expect(await hasVault(storage)).toBe(false);
  });

  it('reports relaunching when the host restarts the app (Electron)', async () => {
    const { storage, vault } = await fastVault();
    const platform: Platform = {
      ...browserPlatform(noHost),
      panicWipe: () => Promise.resolve(ok({ relaunching: true })),
    };
    const outcome = await runPanicWipe({ storage, vault, session: undefined }, platform);
    expect(outcome.relaunching).toBe(true);
    expect(storage.rowCount()).toBe(0);
  });

  it('still wipes when locked (no vault object in memory)', async () => {
    const { storage } = await fastVault();
    const outcome = await runPanicWipe(
      { storage, vault: undefined, session: undefined },
      browserPlatform(noHost),
    );
    expect(outcome.report).toEqual({ headerDestroyed: true, wiped: true });
    expect(storage.rowCount()).toBe(0);
  });
});
