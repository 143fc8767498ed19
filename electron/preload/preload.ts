import './zodJitless.ts';
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createQuireApi } from './createQuireApi.ts';

/** The only thing the page gets: `window.quire`. No ipcRenderer, no generic invoke. */
contextBridge.exposeInMainWorld(
  'quire',
  createQuireApi({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    on: (channel, listener) => {
      const onMessage = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, onMessage);
      return () => {
        ipcRenderer.removeListener(channel, onMessage);
      };
    },
  }),
);
