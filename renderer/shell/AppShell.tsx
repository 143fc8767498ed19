import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformInfo } from '../../shared/platform/Platform.ts';
import { applyTheme } from './applyTheme.ts';
import { FirstRunScreen } from './FirstRunScreen.tsx';
import { PanicWipeDialog } from './PanicWipeDialog.tsx';
import type { ShellDeps } from './ShellDeps.ts';
import { StorageAlertBanner } from './StorageAlertBanner.tsx';
import { UnlockedLayout } from './UnlockedLayout.tsx';
import { UnlockScreen } from './UnlockScreen.tsx';
import { useAutoLock } from './useAutoLock.ts';
import { useOsLock } from './useOsLock.ts';
import { usePanicShortcut } from './usePanicShortcut.ts';
import { useShellController } from './useShellController.ts';
import { useStorageAlert } from './useStorageAlert.ts';
import { WipingScreen } from './WipingScreen.tsx';

/**
 * The app: first run, lock screen, the unlocked layout, and what applies everywhere (panic
 * shortcut, auto-lock, OS lock, theme, document language).
 */
export function AppShell({ deps }: { readonly deps: ShellDeps }): ReactElement {
  const { t, i18n } = useTranslation();
  const shell = useShellController(deps);
  const { phase, settings, settingsKnown, lock, panicWipe } = shell;
  const [asking, setAsking] = useState(false);
  const [platformName, setPlatformName] = useState<PlatformInfo['platform'] | undefined>();
  const unlocked = phase.kind === 'unlocked';
  const storageAlert = useStorageAlert(phase.kind === 'wiping' ? undefined : shell.storage);

  useEffect(() => {
    void deps.platform.info().then((info) => setPlatformName(info.platform));
  }, [deps.platform]);

  useEffect(() => {
    document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
    document.title = t('app.name');
  }, [i18n.resolvedLanguage, t]);

  useEffect(() => applyTheme(settings.theme), [settings.theme]);

  // Before the first unlock of this run the stored choice is unknown: ask, to be safe.
  const confirmFirst = !settingsKnown || settings.confirmPanicWipe;
  const requestPanic = useCallback(() => {
    if (!confirmFirst || asking) {
      setAsking(false);
      panicWipe();
    } else setAsking(true);
  }, [confirmFirst, asking, panicWipe]);

  usePanicShortcut(shell.hasStorage && phase.kind !== 'wiping', requestPanic);
  const autoLockMs = Math.min(
    deps.autoLockOverrideMs ?? Infinity,
    settings.autoLockMinutes * 60_000,
  );
  useAutoLock(unlocked, autoLockMs, lock);
  useOsLock(unlocked, deps.platform, lock);

  return (
    <>
      {phase.kind === 'starting' && <main className="centered" aria-busy="true" />}
      {phase.kind === 'broken' && (
        <main className="centered">
          <div className="centered__column stack">
            <h1>{t('shell.broken.heading')}</h1>
            <p role="alert">{t('shell.broken.body')}</p>
          </div>
        </main>
      )}
      {phase.kind === 'first-run' && <FirstRunScreen create={shell.create} />}
      {phase.kind === 'locked' && (
        <UnlockScreen
          unlock={shell.unlock}
          retryInMs={() => deps.gate.retryInMs()}
          locking={phase.locking}
        />
      )}
      {phase.kind === 'unlocked' && (
        <UnlockedLayout
          session={phase.session}
          intent={phase.intent}
          signalUrls={deps.signalUrls}
          settings={settings}
          onSettingsChange={shell.updateSettings}
          onLock={lock}
          onPanicWipe={requestPanic}
          contentProtectionSupported={shell.contentProtectionSupported}
          platform={platformName}
          onSetDuress={shell.setDuress}
        />
      )}
      {phase.kind === 'wiping' && <WipingScreen />}
      <StorageAlertBanner alert={storageAlert.alert} onDismiss={storageAlert.dismiss} />
      <PanicWipeDialog
        open={asking && phase.kind !== 'wiping'}
        onConfirm={() => {
          setAsking(false);
          panicWipe();
        }}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
