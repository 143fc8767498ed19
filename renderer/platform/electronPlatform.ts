import type { Platform } from '../../shared/platform/Platform.ts';
import type { QuireApi } from '../../shared/platform/QuireApi.ts';
import { ok } from '../../shared/util/result.ts';

/** The platform inside Electron: a thin wrapper over `window.quire` (already validated there). */
export const electronPlatform = (api: QuireApi): Platform => ({
  kind: 'electron',
  info: async () => {
    const info = await api.info();
    return info.ok ? info.value : { platform: 'other', version: 'unknown' };
  },
  openExternal: (url) => api.openExternal(url),
  onLockRequest: (listener) => api.onLock(listener),
  panicWipe: () => api.panicWipe(),
  setContentProtection: (on) => api.setContentProtection(on),
  setRelayOnly: (on) => api.setRelayOnly(on),
  startLanRendezvous: (host, port) => api.startLanRendezvous(host, port),
  stopLanRendezvous: () => api.stopLanRendezvous(),
  printToPdf: async (html, options) => {
    const pdf = await api.printToPdf(html, options);
    return pdf.ok ? ok(pdf.value.pdf) : pdf;
  },
  saveFile: (name, kind, data) => api.saveFile(name, kind, data),
  notify: (title, body) => api.notify(title, body),
});
