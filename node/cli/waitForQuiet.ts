import type { CellSync } from '../../shared/sync/CellSync.ts';

export interface QuietOptions {
  /** Done once connected and nothing new for this long. */
  readonly quietMs: number;
  readonly timeoutMs: number;
  readonly pollMs?: number;
  /** Subscribes to a stop request (SIGINT/SIGTERM); returns the unsubscribe. */
  readonly onStop?: (listener: () => void) => () => void;
}

export type QuietOutcome = 'quiet' | 'timeout' | 'stopped';

/** Everything that moves when something arrives: applied or dropped entries, documents, generations. */
function progress(sync: CellSync, docChanges: number): string {
  const d = sync.diagnostics;
  const w = sync.wireStats();
  const s = sync.status();
  return [
    docChanges,
    d.applied,
    d.duplicates,
    d.rejectedTotal(),
    d.pending,
    d.reinserted,
    d.republished,
    w.entries,
    w.generation,
    s.epoch,
    // A peer arriving or leaving restarts the quiet window: a newcomer may bring news.
    s.peers,
  ].join(',');
}

/**
 * `quire sync`: resolves 'quiet' once at least one peer is connected in the current room and
 * nothing new has arrived for `quietMs` (our own entries reach the peer in that time: y-webrtc
 * exchanges state vectors on connect), 'timeout' if that never happens in `timeoutMs`.
 */
export function waitForQuiet(sync: CellSync, opts: QuietOptions): Promise<QuietOutcome> {
  return new Promise((resolve) => {
    const start = Date.now();
    let docChanges = 0;
    let last = '';
    let lastChange = start;
    let connectedAt: number | undefined;
    const offDocs = sync.onDocChange(() => docChanges++);
    const finish = (outcome: QuietOutcome): void => {
      clearInterval(timer);
      offDocs();
      offStop?.();
      resolve(outcome);
    };
    const offStop = opts.onStop?.(() => finish('stopped'));
    const timer = setInterval(() => {
      const now = Date.now();
      const p = progress(sync, docChanges);
      if (p !== last) {
        last = p;
        lastChange = now;
      }
      const peers = sync.status().peers;
      if (peers === 0) connectedAt = undefined;
      else connectedAt ??= now;
      if (connectedAt !== undefined && now - Math.max(lastChange, connectedAt) >= opts.quietMs)
        finish('quiet');
      else if (now - start >= opts.timeoutMs) finish('timeout');
    }, opts.pollMs ?? 100);
  });
}
