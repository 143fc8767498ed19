import type { Platform } from '../../shared/platform/Platform.ts';
import type { Storage } from '../../shared/storage/Storage.ts';
import type { Kdf } from '../../shared/vault/kdfParams.ts';
import type { Vault } from '../../shared/vault/Vault.ts';
import type { AppSession } from '../session/AppSession.ts';
import type { UnlockGate } from './UnlockGate.ts';

/** Everything the shell gets from main.tsx (injected, so nothing in the shell is a singleton). */
export interface ShellDeps {
  readonly platform: Platform;
  readonly openAppSession: (
    vault: Vault,
    storage: Storage,
    platform: Platform,
  ) => Promise<AppSession>;
  /** Argon2id; the Web Worker in the app. */
  readonly kdf: Kdf;
  readonly gate: UnlockGate;
  readonly dbName: string;
  /** Rendezvous URLs to prefill the new-cell form with (the page's `?signal=`; tests). */
  readonly signalUrls: readonly string[];
  /**
   * TESTS, web build only: auto-lock after this many ms of inactivity (it can only shorten the
   * configured delay). main.tsx never sets it inside Electron.
   */
  readonly autoLockOverrideMs: number | undefined;
  /** After a panic wipe in a browser: start again from first run. */
  readonly reload: () => void;
}
