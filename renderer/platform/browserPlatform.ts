import type { Platform } from '../../shared/platform/Platform.ts';
import { err, ok } from '../../shared/util/result.ts';
import { isSafeExternalUrl } from '../../shared/platform/isSafeExternalUrl.ts';
import type { SaveKind } from '../../shared/platform/ipcContract.ts';
import { safeFileName } from '../../shared/platform/safeFileName.ts';
import { anchorDownload } from './anchorDownload.ts';
import { linkConfirmer } from './linkConfirmer.ts';

/** What the browser adapter uses from `window` (injected so that tests can supply it). */
export interface BrowserHost {
  confirm(message: string): boolean;
  open(url: string, target: string, features: string): unknown;
}

const MIME_TYPES: Readonly<Record<SaveKind, string>> = {
  pdf: 'application/pdf',
  html: 'text/html;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
};

/**
 * The platform in a plain browser (tests, web build): links open in a new tab after the app's
 * confirmation dialog (linkConfirmer),
 * the caller reloads after a panic wipe, and OS features (content protection, WebRTC IP policy,
 * a LAN server, PDF rendering) are reported as unsupported. Exports are saved as downloads.
 */
export const browserPlatform = (
  host: BrowserHost = window,
  version = 'web',
  download: (name: string, type: string, data: Uint8Array) => void = anchorDownload,
): Platform => ({
  kind: 'browser',
  info: () => Promise.resolve({ platform: 'browser', version }),
  openExternal: async (url) => {
    if (!isSafeExternalUrl(url)) return err('unsafe-url');
    const parsed = new URL(url);
    // The app's own dialog (LinkConfirmHost, in the person's language); confirm() only before
    // it is mounted.
    const ask = linkConfirmer();
    const yes = ask
      ? await ask(parsed).catch(() => false)
      : host.confirm(
          `Open ${parsed.host} in a new tab?\n${parsed.href}\nThe site will see your IP address.`,
        );
    if (!yes) return ok({ opened: false });
    // noopener: the new page gets no handle on this one; noreferrer: no Referer header.
    host.open(parsed.href, '_blank', 'noopener,noreferrer');
    return ok({ opened: true });
  },
  // A browser tab gets no OS lock or suspend events.
  onLockRequest: () => () => undefined,
  panicWipe: () => Promise.resolve(ok({ relaunching: false })),
  setContentProtection: () => Promise.resolve(ok({ supported: false })),
  setRelayOnly: () => Promise.resolve(err('unsupported')),
  startLanRendezvous: () => Promise.resolve(err('unsupported')),
  stopLanRendezvous: () => Promise.resolve(err('unsupported')),
  printToPdf: () => Promise.resolve(err('unsupported')),
  // The tab's own badges say it; a web notification would need a permission prompt.
  notify: () => Promise.resolve(ok({ shown: false })),
  saveFile: (name, kind, data) => {
    download(safeFileName(name, kind), MIME_TYPES[kind], data);
    // The browser gives no word on whether the download was kept.
    return Promise.resolve(ok({ saved: true }));
  },
});
