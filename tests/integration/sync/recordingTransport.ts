import * as Y from 'yjs';
import type { Room, RoomConfig, Transport } from '../../../shared/transport/Transport.ts';

/** Everything that went into the wire docs a peer's engine joined (observer tests). */
export interface WireRecord {
  /** Room names joined, in order. */
  readonly rooms: string[];
  /** Every wire-doc entry ever seen, by `${room}/${envId}`: the values as they sat in the map. */
  readonly entries: Map<string, unknown>;
  /** Each wire doc's state when joined, then every Yjs update it saw (local or from the mesh). */
  readonly updates: Uint8Array[];
}

/**
 * A Transport that hands each wire doc to the real one unchanged and, when recording, keeps every
 * byte that entered it. The engine's map of sealed envelopes lives at `envelopes` (WireScope); a
 * rename would leave `entries` empty, which the observer test treats as a failure, not a pass.
 */
export function recordingTransport(
  inner: Transport,
  record: boolean,
): { transport: Transport; wire: WireRecord } {
  const wire: WireRecord = { rooms: [], entries: new Map(), updates: [] };
  const transport: Transport = {
    join(config: RoomConfig, doc: Y.Doc): Room {
      wire.rooms.push(config.roomName);
      if (record) {
        const map = doc.getMap<unknown>('envelopes');
        const capture = (): void => {
          for (const [key, value] of map.entries()) {
            const id = `${config.roomName}/${key}`;
            if (!wire.entries.has(id)) wire.entries.set(id, value);
          }
        };
        wire.updates.push(Y.encodeStateAsUpdate(doc));
        capture();
        doc.on('update', (update: Uint8Array) => {
          wire.updates.push(update);
          capture();
        });
      }
      return inner.join(config, doc);
    },
  };
  return { transport, wire };
}
