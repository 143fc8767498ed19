import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Room, RoomStatus, Transport } from '../shared/transport/Transport.ts';

/** What an offline engine would have sent: every wire-doc update and every new entry. */
export interface WireCount {
  /** Yjs updates of the wire docs (what y-webrtc broadcasts to each peer), and their bytes. */
  updates: number;
  updateBytes: number;
  /** Map entries put into any wire doc (a re-publish into a new generation counts again). */
  entries: number;
  /** Distinct envelopes (by envId) and their sealed bytes. */
  readonly envIds: Set<string>;
  sealedBytes: number;
}

const OFFLINE: RoomStatus = { signalingConnected: false, peers: 0 };

/**
 * A transport that never connects: the engine behaves exactly as offline (no peer ever
 * answers), and we count what y-webrtc would have broadcast from each wire doc. Measurement
 * only: nothing leaves the process.
 */
export function wireCounter(): { transport: Transport; count: WireCount } {
  const count: WireCount = {
    updates: 0,
    updateBytes: 0,
    entries: 0,
    envIds: new Set(),
    sealedBytes: 0,
  };
  const transport: Transport = {
    join(_config, doc: Y.Doc): Room {
      const map = doc.getMap<unknown>('envelopes');
      const onUpdate = (update: Uint8Array, origin: unknown): void => {
        // Entries loaded from the local store were sent when they were written.
        if (origin === 'load') return;
        count.updates++;
        count.updateBytes += update.length;
      };
      doc.on('update', onUpdate);
      map.observe((event) => {
        for (const [key, change] of event.changes.keys) {
          if (change.action !== 'add') continue;
          count.entries++;
          const value = map.get(key);
          if (!count.envIds.has(key) && value instanceof Uint8Array) {
            count.envIds.add(key);
            count.sealedBytes += value.length;
          }
        }
      });
      const awareness = new Awareness(doc);
      return {
        doc,
        awareness,
        status: () => OFFLINE,
        onStatus: () => () => undefined,
        close: () => {
          doc.off('update', onUpdate);
          awareness.destroy();
        },
      };
    },
  };
  return { transport, count };
}
