/** What "Test connection" found for one rendezvous URL. */
export type RendezvousProbe =
  | { readonly ok: true; readonly ms: number }
  /**
   * 'closed': the connection failed or was refused (no server there, wrong port, TLS or proxy
   * trouble; the browser does not tell which, only the close code). 'timeout': no answer in time.
   */
  | { readonly ok: false; readonly error: 'closed' | 'timeout'; readonly code?: number };

/** The part of the DOM WebSocket the probe uses (Node's `ws` in tests has the same shape). */
export interface ProbeSocket {
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'close', listener: (event: { readonly code: number }) => void): void;
  close(): void;
}

/**
 * Opens a WebSocket to `url` and closes it as soon as it opens: the server is reachable from this
 * device. Nothing is sent (no room joined), so the server learns only what any connection tells
 * it (this device's IP address, as in normal use).
 */
export function probeRendezvous(
  url: string,
  timeoutMs = 8_000,
  open: (url: string) => ProbeSocket = (u) => new WebSocket(u),
): Promise<RendezvousProbe> {
  const started = Date.now();
  return new Promise((resolve) => {
    let socket: ProbeSocket;
    try {
      socket = open(url);
    } catch {
      resolve({ ok: false, error: 'closed' });
      return;
    }
    let done = false;
    const finish = (result: RendezvousProbe): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        // Already closed or never opened: nothing to release.
      }
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, error: 'timeout' }), timeoutMs);
    socket.addEventListener('open', () => finish({ ok: true, ms: Date.now() - started }));
    socket.addEventListener('close', (event) =>
      finish({ ok: false, error: 'closed', code: event.code }),
    );
    // The close event follows and says how; closing one still connecting reports one too.
    socket.addEventListener('error', () => undefined);
  });
}
