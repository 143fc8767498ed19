import { WebSocket, type RawData } from 'ws';
import type {
  SignalingSocket,
  SignalingSocketHandlers,
  SignalingSockets,
} from '../../shared/transport/SignalingSocket.ts';

/** ws refuses (and closes the socket on) a larger message before buffering it whole. */
export const DEFAULT_SIGNALING_MAX_PAYLOAD = 256 * 1024;
const HANDSHAKE_TIMEOUT_MS = 10_000;

const closedSocket: SignalingSocket = { send: () => false, close: () => undefined };

/** A handler's exception must not escape ws's event dispatch (an uncaught exception in Node). */
const guarded =
  <A extends unknown[]>(f: (...args: A) => void) =>
  (...args: A): void => {
    try {
      f(...args);
    } catch {
      // The handler's bug is its own; the socket carries on.
    }
  };

const text = (data: RawData, isBinary: boolean): unknown => {
  if (isBinary) return data;
  const bytes = Array.isArray(data)
    ? Buffer.concat(data)
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : data;
  return bytes.toString('utf8');
};

/**
 * The signaling-socket port on `ws` for the CLI and the relay: no compression (no inflate
 * bombs), a payload cap enforced by ws before a message is buffered, a handshake timeout, and
 * close() that destroys the TCP connection at once, so a closed room leaves no handle behind.
 */
export function nodeSignalingSockets(maxPayload = DEFAULT_SIGNALING_MAX_PAYLOAD): SignalingSockets {
  return {
    open(url: string, handlers: SignalingSocketHandlers): SignalingSocket {
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        guarded(() => handlers.onClose())();
      };
      let ws: WebSocket;
      try {
        ws = new WebSocket(url, {
          maxPayload,
          perMessageDeflate: false,
          handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
        });
      } catch {
        queueMicrotask(finish);
        return closedSocket;
      }
      ws.on('open', () => {
        if (!done) guarded(() => handlers.onOpen())();
      });
      ws.on('message', (data: RawData, isBinary: boolean) => {
        if (!done) guarded(() => handlers.onMessage(text(data, isBinary)))();
      });
      // ws closes the socket after every error; 'close' follows and reports it.
      ws.on('error', () => undefined);
      ws.on('close', finish);
      return {
        send(message) {
          if (done || ws.readyState !== WebSocket.OPEN) return false;
          ws.send(message);
          return true;
        },
        close() {
          done = true;
          ws.terminate();
        },
      };
    },
  };
}
