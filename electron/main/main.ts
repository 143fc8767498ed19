import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  session,
  type IpcMainInvokeEvent,
} from 'electron';
import { LOCK_CHANNEL, type LockReason } from '../../shared/platform/ipcContract.ts';
import { ok } from '../../shared/util/result.ts';
import { createMainWindow } from './createMainWindow.ts';
import { hardenSession } from './hardenSession.ts';
import { hardenWebContents } from './hardenWebContents.ts';
import { LanRendezvous } from './LanRendezvous.ts';
import { openExternalWithConfirm } from './openExternalWithConfirm.ts';
import { panicWipe } from './panicWipe.ts';
import { contentProtectionSupported } from './policy/contentProtectionSupported.ts';
import { genericUserAgent } from './policy/genericUserAgent.ts';
import { isTrustedSender } from './policy/isTrustedSender.ts';
import { webRtcIpPolicy } from './policy/webRtcIpPolicy.ts';
import { printHtmlToPdf } from './printHtmlToPdf.ts';
import { saveFileWithDialog } from './saveFileWithDialog.ts';
import { registerAppProtocol, registerAppSchemePrivileges } from './registerAppProtocol.ts';
import { registerIpcHandlers } from './registerIpcHandlers.ts';

// Bundled to dist/electron/main.cjs; the preload sits beside it, the UI in dist/renderer.
const PRELOAD = join(__dirname, 'preload.cjs');
const RENDERER_ROOT = join(__dirname, '..', 'renderer');

// Both must happen before 'ready'.
app.enableSandbox();
registerAppSchemePrivileges(protocol);

let mainWindow: BrowserWindow | undefined;
/** Never written to disk: whether a member is inside the country is itself sensitive. */
let relayOnly = false;
const lan = new LanRendezvous();

const platformName = (): 'darwin' | 'win32' | 'linux' | 'other' =>
  process.platform === 'darwin' || process.platform === 'win32' || process.platform === 'linux'
    ? process.platform
    : 'other';

const isTrusted = (event: IpcMainInvokeEvent): boolean => {
  const frame = event.senderFrame;
  return isTrustedSender({
    url: frame?.url,
    isTopFrame: frame !== null && frame.parent === null,
    fromMainWindow: mainWindow !== undefined && event.sender === mainWindow.webContents,
  });
};

const sendLock = (reason: LockReason): void => {
  if (mainWindow !== undefined && !mainWindow.isDestroyed()) {
    mainWindow.webContents.send(LOCK_CHANNEL, { reason });
  }
};

const openWindow = (): void => {
  mainWindow = createMainWindow({
    preload: PRELOAD,
    devTools: !app.isPackaged,
    webRtcPolicy: webRtcIpPolicy(relayOnly),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
};

const start = async (): Promise<void> => {
  hardenWebContents(app);
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // A locked, closed app should not linger in the dock holding a LAN server open.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void lan.stop());

  await app.whenReady();
  const userAgent = genericUserAgent(app.userAgentFallback, app.getName());
  app.userAgentFallback = userAgent;
  hardenSession(session.defaultSession, { userAgent });
  registerAppProtocol(protocol, RENDERER_ROOT);
  // Only the edit, window and app roles: no "Learn more" links, no dev menu in production.
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'editMenu' },
      { role: 'windowMenu' },
    ]),
  );

  registerIpcHandlers(
    ipcMain,
    {
      info: () =>
        Promise.resolve(
          ok({
            platform: platformName(),
            version: app.getVersion(),
            electron: process.versions.electron,
          }),
        ),
      openExternal: ({ url }) => openExternalWithConfirm(mainWindow, url),
      panicWipe: async () => {
        await lan.stop();
        return panicWipe(app, [session.defaultSession]);
      },
      setContentProtection: ({ on }) => {
        mainWindow?.setContentProtection(on);
        return Promise.resolve(ok({ supported: contentProtectionSupported(process.platform) }));
      },
      setRelayOnly: ({ on }) => {
        relayOnly = on;
        const policy = webRtcIpPolicy(on);
        for (const win of BrowserWindow.getAllWindows())
          win.webContents.setWebRTCIPHandlingPolicy(policy);
        return Promise.resolve(ok({ policy }));
      },
      startLanRendezvous: ({ host, port }) => lan.start(host, port),
      stopLanRendezvous: async () => ok({ stopped: await lan.stop() }),
      printToPdf: ({ html, options }) => printHtmlToPdf(html, options),
      saveFile: (request) => saveFileWithDialog(mainWindow, app.getPath('documents'), request),
      notify: ({ title, body }) => {
        if (!Notification.isSupported()) return Promise.resolve(ok({ shown: false }));
        new Notification({ title, body }).show();
        return Promise.resolve(ok({ shown: true }));
      },
    },
    isTrusted,
  );

  powerMonitor.on('lock-screen', () => sendLock('lock-screen'));
  powerMonitor.on('suspend', () => sendLock('suspend'));
  openWindow();
  app.on('activate', () => {
    if (mainWindow === undefined) openWindow();
  });
};

if (app.requestSingleInstanceLock()) {
  void start();
} else {
  app.quit();
}
