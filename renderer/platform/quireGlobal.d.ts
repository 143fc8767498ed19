import type { QuireApi } from '../../shared/platform/QuireApi.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly quire?: QuireApi;
  }
}
