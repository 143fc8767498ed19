import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './policy/appOrigin.ts';
import { secureWebPreferences } from './policy/secureWebPreferences.ts';
import type { WebRtcIpPolicy } from '../../shared/platform/ipcContract.ts';

/** The app window: hardened preferences, the app origin only, shown once painted. */
export const createMainWindow = (opts: {
  preload: string;
  devTools: boolean;
  webRtcPolicy: WebRtcIpPolicy;
}): BrowserWindow => {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 480,
    minHeight: 360,
    show: false,
    title: 'Quire',
    webPreferences: secureWebPreferences({ preload: opts.preload, devTools: opts.devTools }),
  });
  win.webContents.setWebRTCIPHandlingPolicy(opts.webRtcPolicy);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
};
