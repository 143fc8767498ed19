import { WebSocket } from 'ws';

type EventHandler = ((event: unknown) => void) | null;

let handlerErrors = 0;

/** Exceptions the guarded handlers have caught so far in this process. */
export const guardedWebSocketErrors = (): number => handlerErrors;

/**
 * `ws` for lib0's rendezvous client (y-webrtc), with its event-handler properties guarded. lib0
 * runs JSON.parse on every text frame inside `onmessage`; in Node an exception there escapes
 * ws's event dispatch as an uncaught exception, so one non-JSON frame from a hostile or broken
 * rendezvous server would end the process. Here it is caught and counted instead.
 */
export class GuardedWebSocket extends WebSocket {}

const originals = new WeakMap<object, EventHandler>();

for (const name of ['onmessage', 'onopen', 'onclose', 'onerror'] as const) {
  const base: { get?: (this: unknown) => unknown; set?: (this: unknown, value: unknown) => void } =
    Object.getOwnPropertyDescriptor(WebSocket.prototype, name) ?? {};
  const get = base.get;
  const set = base.set;
  if (get === undefined || set === undefined) continue;
  Object.defineProperty(GuardedWebSocket.prototype, name, {
    configurable: true,
    enumerable: true,
    get(this: WebSocket): EventHandler {
      const current = get.call(this) as EventHandler;
      return current === null ? null : (originals.get(current) ?? current);
    },
    set(this: WebSocket, handler: unknown) {
      if (typeof handler !== 'function') {
        set.call(this, handler);
        return;
      }
      const user = handler as (event: unknown) => void;
      const guarded = (event: unknown): void => {
        try {
          user.call(this, event);
        } catch {
          handlerErrors += 1;
        }
      };
      originals.set(guarded, user);
      set.call(this, guarded);
    },
  });
}
