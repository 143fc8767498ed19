import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Room, RoomConfig, RoomStatus, Transport } from '../../shared/transport/Transport.ts';
import type { Scheduler } from '../../shared/sync/Scheduler.ts';

const NET = Symbol('memory-network');

interface Endpoint {
  readonly peer: number;
  readonly roomName: string;
  readonly doc: Y.Doc;
  awareness?: Awareness;
  closed: boolean;
}

export interface NetworkFaults {
  /** Probability that one wire-doc update message is lost (the link then resyncs later). */
  readonly drop: number;
  /** Probability that a message is delivered twice. */
  readonly duplicate: number;
  /** Latency range in ms; random latencies reorder messages. */
  readonly minLatency: number;
  readonly maxLatency: number;
  /** How long a broken link takes to reconnect and resync (ms). */
  readonly reconnectMs: number;
}

/**
 * An in-memory implementation of the Transport port for seeded simulations: wire docs in the
 * same room exchange Yjs updates with random latency, loss, duplication and partitions, and
 * resync by state vector on (re)connection, as y-webrtc peers do.
 */
export class MemoryNetwork {
  private readonly rooms = new Map<string, Set<Endpoint>>();
  private readonly offline = new Set<number>();
  messages = 0;
  dropped = 0;

  constructor(
    /** A VirtualScheduler in simulations; real timers in the bench's in-process meshes. */
    private readonly scheduler: Scheduler,
    private readonly rand: () => number,
    private readonly faults: NetworkFaults,
  ) {}

  transportFor(peer: number): Transport {
    const joined = new Set<string>();
    return {
      join: (config: RoomConfig, doc: Y.Doc): Room => {
        if (config.signaling.length === 0) throw new Error('no signaling servers');
        if (joined.has(config.roomName)) throw new Error('room already joined');
        joined.add(config.roomName);
        const ep: Endpoint = { peer, roomName: config.roomName, doc, closed: false };
        let members = this.rooms.get(config.roomName);
        if (!members) this.rooms.set(config.roomName, (members = new Set()));
        members.add(ep);
        const onUpdate = (update: Uint8Array, origin: unknown): void => {
          if (origin !== NET) this.broadcast(ep, update);
        };
        doc.on('update', onUpdate);
        for (const other of members) if (other !== ep) this.resyncLater(ep, other, 0);
        const awareness = new Awareness(doc);
        ep.awareness = awareness;
        // Awareness is relayed without faults (y-webrtc sends it over the same channels).
        awareness.on(
          'update',
          ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
            if (origin === NET) return;
            const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
            const update = encodeAwarenessUpdate(awareness, changed);
            for (const to of members) {
              if (to !== ep && to.awareness && this.linked(ep, to)) {
                const target = to.awareness;
                this.scheduler.setTimeout(
                  () => applyAwarenessUpdate(target, update, NET),
                  this.latency(),
                );
              }
            }
          },
        );
        for (const other of members) {
          if (other !== ep && other.awareness) {
            const them = other.awareness;
            applyAwarenessUpdate(
              awareness,
              encodeAwarenessUpdate(them, Array.from(them.getStates().keys())),
              NET,
            );
          }
        }
        return {
          doc,
          awareness,
          status: (): RoomStatus => ({
            signalingConnected: !this.offline.has(peer),
            peers: Array.from(members).filter((o) => o !== ep && this.linked(ep, o)).length,
          }),
          onStatus: () => () => undefined,
          close: () => {
            ep.closed = true;
            members.delete(ep);
            doc.off('update', onUpdate);
            awareness.destroy();
            joined.delete(config.roomName);
          },
        };
      },
    };
  }

  private linked(a: Endpoint, b: Endpoint): boolean {
    return !a.closed && !b.closed && !this.offline.has(a.peer) && !this.offline.has(b.peer);
  }

  private latency(): number {
    const { minLatency, maxLatency } = this.faults;
    return minLatency + Math.floor(this.rand() * (maxLatency - minLatency + 1));
  }

  private broadcast(from: Endpoint, update: Uint8Array): void {
    for (const to of this.rooms.get(from.roomName) ?? []) {
      if (to === from || !this.linked(from, to)) continue;
      this.messages++;
      if (this.rand() < this.faults.drop) {
        this.dropped++;
        this.resyncLater(from, to, this.faults.reconnectMs);
        continue;
      }
      const copies = this.rand() < this.faults.duplicate ? 2 : 1;
      for (let i = 0; i < copies; i++) this.deliverLater(from, to, update, this.latency());
    }
  }

  private deliverLater(from: Endpoint, to: Endpoint, update: Uint8Array, ms: number): void {
    this.scheduler.setTimeout(() => {
      if (this.linked(from, to)) Y.applyUpdate(to.doc, update, NET);
    }, ms);
  }

  /** Both directions of y-webrtc's sync step: each side sends what the other's state vector lacks. */
  private resyncLater(a: Endpoint, b: Endpoint, ms: number): void {
    this.scheduler.setTimeout(() => {
      if (!this.linked(a, b)) return;
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), NET);
      Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)), NET);
    }, ms + this.latency());
  }

  setOffline(peer: number, off: boolean): void {
    if (off) {
      this.offline.add(peer);
      return;
    }
    if (!this.offline.delete(peer)) return;
    for (const members of this.rooms.values()) {
      for (const a of members) {
        if (a.peer !== peer) continue;
        for (const b of members) if (b !== a) this.resyncLater(a, b, 0);
      }
    }
  }

  /** Heals everything and resyncs every pair in every room. */
  healAll(): void {
    this.offline.clear();
    for (const members of this.rooms.values()) {
      const list = Array.from(members);
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) this.resyncLater(list[i]!, list[j]!, 0);
    }
  }
}
