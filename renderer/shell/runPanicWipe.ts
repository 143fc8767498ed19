import type { Platform } from '../../shared/platform/Platform.ts';
import type { Storage } from '../../shared/storage/Storage.ts';
import type { Vault } from '../../shared/vault/Vault.ts';
import { wipeVault, type WipeReport } from '../../shared/vault/wipeVault.ts';
import type { AppSession } from '../session/AppSession.ts';

export interface PanicTargets {
  readonly storage: Storage | undefined;
  readonly vault: Vault | undefined;
  readonly session: AppSession | undefined;
}

export interface PanicOutcome {
  /** undefined when there was no storage to wipe. */
  readonly report: WipeReport | undefined;
  /** The host restarts the app itself (Electron); otherwise the caller reloads the page. */
  readonly relaunching: boolean;
}

/**
 * Panic wipe: the wrapped vault key first, then the whole database (wipeVault), then the
 * container that held it (`destroyContainer`: the browser's storage bucket, files and all), then
 * the host's own storage (Platform.panicWipe). The session is told to lock without being waited for: the
 * vault is already locked by then, so nothing it still tries to write can be sealed, and the
 * database is deleted under it. Never rejects.
 */
export async function runPanicWipe(
  targets: PanicTargets,
  platform: Platform,
  destroyContainer: () => Promise<void> = () => Promise.resolve(),
): Promise<PanicOutcome> {
  const { storage, vault, session } = targets;
  // wipeVault locks the vault synchronously, before its first await.
  const wiping = storage !== undefined ? wipeVault(storage, vault) : Promise.resolve(undefined);
  vault?.lock();
  if (session !== undefined) {
    try {
      void session.lock().catch(() => undefined);
    } catch {
      // A session that throws synchronously cannot delay the wipe either.
    }
  }
  const report = await wiping;
  try {
    await destroyContainer();
  } catch {
    // The database is gone already; the host's wipe below clears what is left (Electron).
  }
  let relaunching = false;
  try {
    const host = await platform.panicWipe();
    relaunching = host.ok && host.value.relaunching;
  } catch {
    // Platform methods resolve, never reject; if one did, reloading still restarts from scratch.
  }
  return { report, relaunching };
}
