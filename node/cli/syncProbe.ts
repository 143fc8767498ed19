import type { CellSync } from '../../shared/sync/CellSync.ts';
import type { YWebrtcTransport } from '../../shared/transport/createYWebrtcTransport.ts';
import type { QuietProbe } from './waitForQuiet.ts';

/**
 * What `quire sync` watches: everything that moves when something arrives (applied or dropped
 * entries, documents, generations, peers) and the transport's frames both ways and unsent bytes.
 * `close` stops counting document changes.
 */
export function syncProbe(
  sync: CellSync,
  transport: YWebrtcTransport,
): QuietProbe & { close(): void } {
  let docChanges = 0;
  const offDocs = sync.onDocChange(() => docChanges++);
  return {
    progress: () => {
      const d = sync.diagnostics;
      const w = sync.wireStats();
      const s = sync.status();
      const { chunks } = transport.stats();
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
        chunks.framesReceived,
        chunks.framesSent,
      ].join(',');
    },
    peers: () => sync.status().peers,
    unsentBytes: () => transport.stats().unsentBytes,
    close: offDocs,
  };
}
