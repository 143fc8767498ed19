import type { BrowserWindow } from 'electron';
import { createHardenedWindow } from './createHardenedWindow.ts';
import { APP_ENTRY_URL } from './policy/appOrigin.ts';
import type { WebRtcIpPolicy } from '../../shared/platform/ipcContract.ts';

/** The app window: hardened preferences, the app origin only, shown once painted. */
export const createMainWindow = (opts: {
  preload: string;
  devTools: boolean;
  webRtcPolicy: WebRtcIpPolicy;
}): BrowserWindow => {
  const win = createHardenedWindow({
    preload: opts.preload,
    devTools: opts.devTools,
    javascript: true,
    window: {
      width: 1200,
      height: 800,
      minWidth: 480,
      minHeight: 360,
      show: false,
      title: 'Quire',
    },
  });
  win.webContents.setWebRTCIPHandlingPolicy(opts.webRtcPolicy);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
};
