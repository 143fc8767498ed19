import type { WebPreferences } from 'electron';

/**
 * The webPreferences of every window. Each line is a hardening choice (docs/ELECTRON.md);
 * the unit test pins them so that none can be loosened by accident.
 */
export const secureWebPreferences = (opts: {
  preload?: string;
  devTools: boolean;
  javascript?: boolean;
  partition?: string;
}): WebPreferences => ({
  ...(opts.preload === undefined ? {} : { preload: opts.preload }),
  ...(opts.partition === undefined ? {} : { partition: opts.partition }),
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
  // Middle-click must not open anything, even though window.open is denied anyway.
  disableBlinkFeatures: 'Auxclick',
  javascript: opts.javascript ?? true,
  devTools: opts.devTools,
});
