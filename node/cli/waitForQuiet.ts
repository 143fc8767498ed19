export interface QuietOptions {
  /** Done once connected, nothing new for this long, and nothing left to send. */
  readonly quietMs: number;
  readonly timeoutMs: number;
  readonly pollMs?: number;
  /** Subscribes to a stop request (SIGINT/SIGTERM); returns the unsubscribe. */
  readonly onStop?: (listener: () => void) => () => void;
}

/** What the wait watches (syncProbe.ts builds it over the sync engine and its transport). */
export interface QuietProbe {
  /** Changes whenever anything arrives, is applied or dropped, or leaves. */
  progress(): string;
  /** Peers connected in the current room. */
  peers(): number;
  /** Bytes still queued or buffered to send. */
  unsentBytes(): number;
}

export type QuietOutcome = 'quiet' | 'timeout' | 'stopped';

/**
 * `quire sync`: resolves 'quiet' once at least one peer is connected in the current room,
 * nothing has moved for `quietMs` and nothing of ours is left to send; 'timeout' if that never
 * happens in `timeoutMs`. Frames count as movement, so a big update arriving (or leaving) over
 * seconds keeps the sync open; before, a 2 s gap between whole entries ended it half-way.
 */
export function waitForQuiet(probe: QuietProbe, opts: QuietOptions): Promise<QuietOutcome> {
  return new Promise((resolve) => {
    const start = Date.now();
    let last = '';
    let lastChange = start;
    let connectedAt: number | undefined;
    const finish = (outcome: QuietOutcome): void => {
      clearInterval(timer);
      offStop?.();
      resolve(outcome);
    };
    const offStop = opts.onStop?.(() => finish('stopped'));
    const timer = setInterval(() => {
      const now = Date.now();
      const p = probe.progress();
      if (p !== last || probe.unsentBytes() > 0) {
        last = p;
        lastChange = now;
      }
      if (probe.peers() === 0) connectedAt = undefined;
      else connectedAt ??= now;
      if (connectedAt !== undefined && now - Math.max(lastChange, connectedAt) >= opts.quietMs)
        finish('quiet');
      else if (now - start >= opts.timeoutMs) finish('timeout');
    }, opts.pollMs ?? 100);
  });
}
