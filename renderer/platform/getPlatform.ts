import type { Platform } from '../../shared/platform/Platform.ts';
import type { QuireApi } from '../../shared/platform/QuireApi.ts';
import { browserPlatform, type BrowserHost } from './browserPlatform.ts';
import { electronPlatform } from './electronPlatform.ts';

/** Electron when the preload exposed `quire`, the browser adapter otherwise. */
export const platformFor = (host: BrowserHost & { readonly quire?: QuireApi }): Platform =>
  host.quire !== undefined ? electronPlatform(host.quire) : browserPlatform(host);

let current: Platform | undefined;

/** The one Platform of this page. */
export const getPlatform = (): Platform => {
  current ??= platformFor(window);
  return current;
};
