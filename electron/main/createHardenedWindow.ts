import { BrowserWindow, type BrowserWindowConstructorOptions, type Session } from 'electron';

export interface HardenedWindowOptions {
  readonly preload?: string;
  readonly session?: Session;
  readonly devTools: boolean;
  /** False for the print window: its HTML is laid out, never run. */
  readonly javascript: boolean;
  readonly window?: Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
}

/**
 * The only `new BrowserWindow` in the app (tests/unit/electron/windowsAreHardened.test.ts holds
 * that). The preferences are a literal here, not computed, so that Electronegativity can verify
 * them statically; each line is explained in docs/ELECTRON.md.
 */
export const createHardenedWindow = (opts: HardenedWindowOptions): BrowserWindow =>
  new BrowserWindow({
    ...opts.window,
    webPreferences: {
      ...(opts.preload === undefined ? {} : { preload: opts.preload }),
      ...(opts.session === undefined ? {} : { session: opts.session }),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
      autoplayPolicy: 'document-user-activation-required',
      disableBlinkFeatures: 'Auxclick',
      javascript: opts.javascript,
      devTools: opts.devTools,
    },
  });
