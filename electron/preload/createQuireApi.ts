import type { QuireApi } from '../../shared/platform/QuireApi.ts';
import {
  ipcContract,
  LOCK_CHANNEL,
  lockEventSchema,
  type IpcMethod,
  type IpcRequest,
  type IpcResponse,
} from '../../shared/platform/ipcContract.ts';
import { err } from '../../shared/util/result.ts';

/** The two things the API needs from ipcRenderer, so that its validation can be tested alone. */
export interface IpcBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Subscribes to a main -> renderer channel; returns the unsubscribe function. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.quire`: one narrow method per contract channel. Arguments are validated before
 * anything is sent, replies before anything is returned; every method resolves to a Result.
 */
export const createQuireApi = (bridge: IpcBridge): QuireApi => {
  const call = async <M extends IpcMethod>(
    method: M,
    request: IpcRequest<M>,
  ): Promise<IpcResponse<M>> => {
    const spec = ipcContract[method];
    const req = spec.request.safeParse(request);
    if (!req.success) return err('invalid-request') as IpcResponse<M>;
    let raw: unknown;
    try {
      raw = await bridge.invoke(spec.channel, req.data);
    } catch {
      return err('ipc-failed') as IpcResponse<M>;
    }
    const res = spec.response.safeParse(raw);
    return (res.success ? res.data : err('invalid-response')) as IpcResponse<M>;
  };

  return {
    info: () => call('info', {}),
    openExternal: (url) => call('openExternal', { url }),
    panicWipe: () => call('panicWipe', {}),
    setContentProtection: (on) => call('setContentProtection', { on }),
    setRelayOnly: (on) => call('setRelayOnly', { on }),
    startLanRendezvous: (host, port) => call('startLanRendezvous', { host, port }),
    stopLanRendezvous: () => call('stopLanRendezvous', {}),
    printToPdf: (html, options) => call('printToPdf', { html, options }),
    saveFile: (name, kind, data) => call('saveFile', { name, kind, data }),
    notify: (title, body) => call('notify', { title, body }),
    onLock: (listener) =>
      bridge.on(LOCK_CHANNEL, (payload) => {
        const parsed = lockEventSchema.safeParse(payload);
        if (parsed.success) listener(parsed.data.reason);
      }),
  };
};
