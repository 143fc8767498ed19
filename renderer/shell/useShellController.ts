import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vault } from '../../shared/vault/Vault.ts';
import {
  setDuressWithTemplate,
  type DuressOutcome,
  type DuressRequest,
} from './setDuressWithTemplate.ts';
import { isLanguage } from '../i18n/i18n.ts';
import type { AppSession } from '../session/AppSession.ts';
import { DEFAULT_APP_SETTINGS, type AppSettings } from '../settings/AppSettings.ts';
import { loadAppSettings } from '../settings/loadAppSettings.ts';
import { saveAppSettings } from '../settings/saveAppSettings.ts';
import type { Storage } from '../../shared/storage/Storage.ts';
import { createVaultWithProgress, type CreateProgress } from './createVaultWithProgress.ts';
import { lockEverything } from './lockEverything.ts';
import { runPanicWipe } from './runPanicWipe.ts';
import type { ShellDeps } from './ShellDeps.ts';
import { bootVault, destroyVaultContainer, openVaultStorage } from './vaultDatabase.ts';

/** What to show right after the vault is created. */
export type StartIntent = 'create-cell' | 'join';

export type Phase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'broken' }
  | { readonly kind: 'first-run' }
  | { readonly kind: 'locked'; readonly locking: boolean }
  | {
      readonly kind: 'unlocked';
      readonly session: AppSession;
      readonly intent: StartIntent | undefined;
    }
  | { readonly kind: 'wiping' };

interface Unlocked {
  readonly vault: Vault;
  readonly session: AppSession;
}

export type Outcome = 'ok' | 'failed';

export interface ShellController {
  readonly phase: Phase;
  readonly settings: AppSettings;
  /** Whether the settings come from the vault (false before the first unlock of this run). */
  readonly settingsKnown: boolean;
  /** undefined until the platform answered. */
  readonly contentProtectionSupported: boolean | undefined;
  readonly hasStorage: boolean;
  /** The open store, for the banner that shows what it reports (useStorageAlert). */
  readonly storage: Storage | undefined;
  readonly create: (
    passphrase: string,
    intent: StartIntent,
    onProgress: (p: CreateProgress) => void,
  ) => Promise<Outcome>;
  readonly unlock: (passphrase: string) => Promise<Outcome>;
  readonly lock: () => void;
  readonly panicWipe: () => void;
  readonly updateSettings: (patch: Partial<AppSettings>) => void;
  /** Settings → "Set a duress passphrase" (setDuressWithTemplate.ts). */
  readonly setDuress: (request: DuressRequest) => Promise<DuressOutcome>;
}

/** The shell's state machine: first run, locked, unlocked, wiping; and the settings. */
export function useShellController(deps: ShellDeps): ShellController {
  const { i18n } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [settings, setSettings] = useState<AppSettings>(DEFAULT_APP_SETTINGS);
  const [settingsKnown, setSettingsKnown] = useState(false);
  const [protection, setProtection] = useState<boolean | undefined>(undefined);
  const [hasStorage, setHasStorage] = useState(false);
  const [storage, setStorageState] = useState<Storage | undefined>(undefined);
  const storageRef = useRef<Storage | undefined>(undefined);
  const unlockedRef = useRef<Unlocked | undefined>(undefined);
  const settingsRef = useRef<AppSettings>(settings);
  const { platform, openAppSession, kdf, gate, dbName, reload } = deps;

  const setStorage = useCallback((storage: Storage | undefined) => {
    storageRef.current = storage;
    setHasStorage(storage !== undefined);
    setStorageState(storage);
  }, []);

  useEffect(() => {
    let cancelled = false;
    void bootVault(dbName).then((boot) => {
      if (cancelled) {
        if (boot.kind === 'locked') void boot.storage.close();
        return;
      }
      if (boot.kind === 'locked') setStorage(boot.storage);
      setPhase(boot.kind === 'locked' ? { kind: 'locked', locking: false } : { kind: boot.kind });
    });
    return () => {
      cancelled = true;
    };
  }, [dbName, setStorage]);

  const applyProtection = useCallback(
    async (on: boolean) => {
      const result = await platform.setContentProtection(on);
      setProtection(result.ok && result.value.supported);
    },
    [platform],
  );

  const enterUnlocked = useCallback(
    async (vault: Vault, storage: Storage, intent: StartIntent | undefined): Promise<void> => {
      const session = await openAppSession(vault, storage, platform);
      let stored: AppSettings | undefined;
      try {
        stored = await loadAppSettings(vault.store);
      } catch {
        stored = undefined;
      }
      const current = i18n.resolvedLanguage ?? 'en';
      const next = stored ?? {
        ...settingsRef.current,
        language: isLanguage(current) ? current : 'en',
      };
      if (stored === undefined) await saveAppSettings(vault.store, next).catch(() => undefined);
      settingsRef.current = next;
      unlockedRef.current = { vault, session };
      setSettings(next);
      setSettingsKnown(true);
      if (next.language !== current) void i18n.changeLanguage(next.language);
      void applyProtection(next.contentProtection);
      setPhase({ kind: 'unlocked', session, intent });
    },
    [openAppSession, platform, i18n, applyProtection],
  );

  const create = useCallback(
    async (passphrase: string, intent: StartIntent, onProgress: (p: CreateProgress) => void) => {
      let storage = storageRef.current;
      try {
        storage ??= await openVaultStorage(dbName);
      } catch {
        return 'failed';
      }
      setStorage(storage);
      const created = await createVaultWithProgress(storage, passphrase, kdf, onProgress);
      if (!created.ok) return 'failed';
      try {
        await enterUnlocked(created.value, storage, intent);
        return 'ok';
      } catch {
        // The vault exists now; only opening its contents failed. Start over at the lock screen.
        created.value.lock();
        setPhase({ kind: 'locked', locking: false });
        return 'failed';
      }
    },
    [dbName, kdf, enterUnlocked, setStorage],
  );

  const unlock = useCallback(
    async (passphrase: string): Promise<Outcome> => {
      const storage = storageRef.current;
      if (storage === undefined || unlockedRef.current !== undefined) return 'failed';
      const opened = await gate.unlock(storage, passphrase, { kdf });
      if (!opened.ok) return 'failed';
      try {
        await enterUnlocked(opened.value, storage, undefined);
        return 'ok';
      } catch {
        opened.value.lock();
        return 'failed';
      }
    },
    [gate, kdf, enterUnlocked],
  );

  const lock = useCallback(() => {
    const current = unlockedRef.current;
    if (current === undefined) return;
    unlockedRef.current = undefined;
    // Unmount every screen that shows decrypted content first, then close the session and zero keys.
    setPhase({ kind: 'locked', locking: true });
    void lockEverything(current.session, current.vault).then(() =>
      setPhase((p) => (p.kind === 'locked' ? { kind: 'locked', locking: false } : p)),
    );
  }, []);

  const panicWipe = useCallback(() => {
    const current = unlockedRef.current;
    const storage = storageRef.current;
    unlockedRef.current = undefined;
    storageRef.current = undefined;
    setPhase({ kind: 'wiping' });
    const targets = { storage, vault: current?.vault, session: current?.session };
    void runPanicWipe(targets, platform, destroyVaultContainer).then((outcome) => {
      if (!outcome.relaunching) reload();
    });
  }, [platform, reload]);

  const updateSettings = useCallback(
    (patch: Partial<AppSettings>) => {
      const next = { ...settingsRef.current, ...patch };
      settingsRef.current = next;
      setSettings(next);
      if (patch.language !== undefined) void i18n.changeLanguage(patch.language);
      if (patch.contentProtection !== undefined) void applyProtection(patch.contentProtection);
      const current = unlockedRef.current;
      if (current !== undefined)
        void saveAppSettings(current.vault.store, next).catch(() => undefined);
    },
    [i18n, applyProtection],
  );

  const setDuress = useCallback(
    (request: DuressRequest): Promise<DuressOutcome> => {
      const current = unlockedRef.current;
      if (current === undefined) return Promise.resolve('failed');
      return setDuressWithTemplate(current.vault, deps.kdf, request, settingsRef.current);
    },
    [deps.kdf],
  );

  return {
    phase,
    settings,
    settingsKnown,
    contentProtectionSupported: protection,
    hasStorage,
    storage,
    create,
    unlock,
    lock,
    panicWipe,
    updateSettings,
    setDuress,
  };
}
