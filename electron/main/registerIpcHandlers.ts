import {
  ipcContract,
  type IpcMethod,
  type IpcRequest,
  type IpcResponse,
} from '../../shared/platform/ipcContract.ts';
import { err } from '../../shared/util/result.ts';

export type IpcHandler<M extends IpcMethod> = (request: IpcRequest<M>) => Promise<IpcResponse<M>>;
export type IpcHandlers = { readonly [M in IpcMethod]: IpcHandler<M> };

/** The part of ipcMain used here (ipcMain itself in the app, a plain object in tests). */
export interface IpcRegistrar<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * One ipcMain.handle per contract channel, nothing else. Every message is checked twice before
 * the handler sees it: the sender must be the app's own top frame, and the payload must match
 * the channel's zod schema. Failures become Result errors; nothing throws back to the renderer.
 */
export const registerIpcHandlers = <E>(
  ipcMain: IpcRegistrar<E>,
  handlers: IpcHandlers,
  isTrusted: (event: E) => boolean,
): void => {
  const register = <M extends IpcMethod>(method: M): void => {
    const spec = ipcContract[method];
    const handler = handlers[method];
    ipcMain.handle(spec.channel, async (event, raw): Promise<unknown> => {
      if (!isTrusted(event)) return err('untrusted-sender');
      const parsed = spec.request.safeParse(raw);
      if (!parsed.success) return err('invalid-request');
      try {
        return await handler(parsed.data as IpcRequest<M>);
      } catch {
        return err('failed');
      }
    });
  };
  for (const method of Object.keys(ipcContract) as IpcMethod[]) register(method);
};
