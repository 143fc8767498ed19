import type { Session } from 'electron';
import { withSecurityHeaders } from './policy/contentSecurityPolicy.ts';
import { isAllowedRequestUrl } from './policy/isAllowedRequestUrl.ts';
import { isPermissionGranted } from './policy/permissionPolicy.ts';

/**
 * Session-wide hardening: deny every permission and device, refuse downloads (they would write
 * plaintext to disk), keep requests to the allow-list, force the CSP on every response, and turn
 * the spellchecker off (its dictionaries come from a Google server).
 */
export const hardenSession = (ses: Session, opts: { userAgent: string }): void => {
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(isPermissionGranted(permission));
  });
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  ses.on('will-download', (event) => event.preventDefault());
  ses.setSpellCheckerEnabled(false);
  ses.setUserAgent(opts.userAgent);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) });
  });
};
