/**
 * The signaling-socket port: one WebSocket to a rendezvous server, text messages only. shared/
 * cannot open sockets itself (no DOM, no node:*); adapters do: the browser's WebSocket
 * (renderer/session/browserSignalingSockets.ts), `ws` in Node (node/transport/
 * nodeSignalingSockets.ts), an in-memory pub/sub in tests (tests/support/MemoryPubSub.ts).
 */

export interface SignalingSocketHandlers {
  /** The socket is open: send() works from now on. */
  onOpen(): void;
  /**
   * One message as it arrived, untrusted: a string for a text frame, anything else for a binary
   * one. Adapters may drop messages above their own cap; receivers cap again before parsing.
   */
  onMessage(data: unknown): void;
  /** The socket closed or could not be opened (with or without onOpen before). Called once. */
  onClose(): void;
}

export interface SignalingSocket {
  /** Sends one text message; false if the socket is not open (nothing is sent or kept). */
  send(text: string): boolean;
  /** Closes the socket and releases it at once; no handler is called afterwards. Idempotent. */
  close(): void;
}

export interface SignalingSockets {
  /**
   * Opens a WebSocket to a rendezvous URL (ws:// or wss://). Never throws and never calls a
   * handler before it returns: a socket that cannot be opened reports onClose later.
   */
  open(url: string, handlers: SignalingSocketHandlers): SignalingSocket;
}
