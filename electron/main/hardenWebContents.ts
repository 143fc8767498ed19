import type { App } from 'electron';
import { isAppUrl } from './policy/appOrigin.ts';

/**
 * Applies to every webContents the app ever creates (windows, the PDF renderer, anything a bug
 * might create): no navigation away, no new windows, no webviews.
 */
export const hardenWebContents = (app: App): void => {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Links open only through the confirmed openExternal IPC, never by window.open or target=_blank.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
};
