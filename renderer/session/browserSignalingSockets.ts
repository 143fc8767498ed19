import type {
  SignalingSocket,
  SignalingSocketHandlers,
  SignalingSockets,
} from '../../shared/transport/SignalingSocket.ts';

const closedSocket: SignalingSocket = { send: () => false, close: () => undefined };

/**
 * The signaling-socket port on the page's own WebSocket (Electron's renderer and any Chromium).
 * The browser decompresses and buffers a message before it is delivered, so the receiver's cap
 * is the only one; handlers are detached on close, so a closed room hears nothing more.
 */
export function browserSignalingSockets(): SignalingSockets {
  return {
    open(url: string, handlers: SignalingSocketHandlers): SignalingSocket {
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        handlers.onClose();
      };
      let ws: WebSocket;
      try {
        ws = new WebSocket(url);
      } catch {
        queueMicrotask(finish);
        return closedSocket;
      }
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => {
        if (!done) handlers.onOpen();
      };
      ws.onmessage = (event: MessageEvent<unknown>) => {
        if (!done) handlers.onMessage(event.data);
      };
      ws.onerror = () => undefined;
      ws.onclose = finish;
      return {
        send(message) {
          if (done || ws.readyState !== WebSocket.OPEN) return false;
          try {
            ws.send(message);
            return true;
          } catch {
            return false;
          }
        },
        close() {
          done = true;
          ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
          ws.close();
        },
      };
    },
  };
}
