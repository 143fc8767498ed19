import * as bc from 'lib0/broadcastchannel';
import { Awareness } from 'y-protocols/awareness';
import { WebrtcProvider } from 'y-webrtc';
import type * as Y from 'yjs';
import { err, ok, type Result } from '../util/result.ts';
import type { ChunkLimits } from './ChunkLimits.ts';
import { createChunkStats, type ChunkStats } from './ChunkStats.ts';
import { checkRoomConfig } from './checkRoomConfig.ts';
import { confineSignalingConn } from './confineSignalingConn.ts';
import { filterRelayOnlySignals } from './filterRelayOnlySignals.ts';
import { guardSignalingConn, type RoomLookup } from './guardSignalingConn.ts';
import { SendBacklog } from './SendBacklog.ts';
import { createSignalingStats, type SignalingStats } from './SignalingStats.ts';
import { webSubtle } from './SubtleAesGcm.ts';
import { tagSignalingUrl } from './tagSignalingUrl.ts';
import { trackRoomStatus } from './trackRoomStatus.ts';
import type { Room, RoomConfig, Transport } from './Transport.ts';
import { TransportError, type TransportErrorCode } from './TransportError.ts';
import { wrapRtcForChunking } from './wrapRtcForChunking.ts';
import type { WrtcLike } from './WrtcLike.ts';
import type { ProviderInternals, RoomInternals } from './YWebrtcInternals.ts';

export interface YWebrtcPlatform {
  /** The platform's own WebRTC classes; the transport wraps RTCPeerConnection for chunking. */
  readonly wrtc: WrtcLike;
}

export interface YWebrtcTransportOptions {
  /** WebRTC connections per room; by default 20 plus a random 0-9, as y-webrtc does to avoid clusters. */
  readonly maxConns?: number;
  readonly chunkLimits?: Partial<ChunkLimits>;
  /** A WebRTC connection not connected after this is dropped and retried (default 15 s). */
  readonly connectTimeoutMs?: number;
  /**
   * A room opens its rendezvous socket a random time below this after join (default 2 s), and
   * subscribes again that long after a reconnect: rooms opened together (the app's start, a
   * rotation) do not show up at the operator in the same instant. 0 in tests that count time.
   */
  readonly subscribeJitterMs?: number;
}

export interface TransportStats {
  /** This transport's data channels. */
  readonly chunks: ChunkStats;
  /** The whole JS context: y-webrtc shares rendezvous sockets between rooms. */
  readonly signaling: SignalingStats;
  /** Bytes still queued or buffered to send on this transport's open data channels. */
  readonly unsentBytes: number;
}

export interface YWebrtcTransport extends Transport {
  /** Throws TransportError on a bad config or a room name this JS context already joined. */
  join(config: RoomConfig, doc: Y.Doc): Room;
  tryJoin(config: RoomConfig, doc: Y.Doc): Result<Room, TransportErrorCode>;
  stats(): TransportStats;
}

interface OpenRoom {
  provider: ProviderInternals | undefined;
}

// Per JS context, like y-webrtc's own room map and rendezvous sockets.
const openRooms = new Map<string, OpenRoom>();
/** Room names whose previous provider is still tearing down (its key promise pending). */
const releasing = new Map<string, Promise<void>>();
const signalingStats = createSignalingStats();
const lookupRoom: RoomLookup = (topic) => {
  const open = openRooms.get(topic);
  return open === undefined ? undefined : (open.provider?.room ?? null);
};

/**
 * Closes lib0's BroadcastChannel for a room name unless a live room still subscribes to it.
 * y-webrtc's destroy() unsubscribes a second time, which re-creates the channel, and both its
 * disconnect() and destroy() publish on it after an async encryption: an open BroadcastChannel
 * keeps Node's event loop alive and lingers in a browser.
 */
const closeIdleBroadcastChannel = (name: string): void => {
  const noop = (): void => undefined;
  bc.subscribe(name, noop);
  bc.unsubscribe(name, noop);
};
const closeChannelAfterPublish = (room: RoomInternals): void => {
  room.mux = (f) => {
    try {
      f();
    } finally {
      closeIdleBroadcastChannel(room.name);
    }
  };
};

const randomMaxConns = (): number => 20 + (crypto.getRandomValues(new Uint8Array(1))[0]! % 10);
/** [0, 1) from the platform's CSPRNG: the operator must not predict the jitter. */
const random = (): number => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
const DEFAULT_SUBSCRIBE_JITTER_MS = 2_000;

/**
 * The Transport port over y-webrtc, with its hazards contained (docs/TRANSPORT.md): explicit
 * rendezvous list and password always, messages chunked under 64 KiB, rendezvous input checked
 * before y-webrtc sees it, one room per name per JS context, disconnect() before destroy(), and
 * one rendezvous socket per room (tagged URL, confined socket), opened after a random delay.
 */
export function createYWebrtcTransport(
  platform: YWebrtcPlatform,
  options: YWebrtcTransportOptions = {},
): YWebrtcTransport {
  const chunks = createChunkStats();
  const backlog = new SendBacklog();
  const wrtc: WrtcLike = {
    RTCPeerConnection: wrapRtcForChunking(platform.wrtc.RTCPeerConnection, {
      stats: chunks,
      backlog,
      ...(options.chunkLimits === undefined ? {} : { limits: options.chunkLimits }),
    }),
    RTCSessionDescription: platform.wrtc.RTCSessionDescription,
    RTCIceCandidate: platform.wrtc.RTCIceCandidate,
  };

  const jitterMs = options.subscribeJitterMs ?? DEFAULT_SUBSCRIBE_JITTER_MS;
  const tryJoin = (config: RoomConfig, doc: Y.Doc): Result<Room, TransportErrorCode> => {
    const checked = checkRoomConfig(config);
    if (!checked.ok) return err(checked.error, checked.detail);
    if ((globalThis as { WebSocket?: unknown }).WebSocket === undefined)
      return err('no_websocket', 'in Node, use node/transport (it installs ws)');
    const name = config.roomName;
    if (openRooms.has(name)) return err('room_already_joined');
    const entry: OpenRoom = { provider: undefined };
    openRooms.set(name, entry);
    const awareness = new Awareness(doc);
    const tracker = trackRoomStatus(options.connectTimeoutMs ?? 15_000, (n) => {
      signalingStats.stalledConnections += n;
    });
    let closed = false;
    let delay: ReturnType<typeof setTimeout> | undefined;

    const start = (): void => {
      if (closed) return;
      const provider = new WebrtcProvider(name, doc, {
        // A socket of its own per room and URL: no connection links this room to another.
        signaling: config.signaling.map(tagSignalingUrl),
        password: config.password,
        awareness,
        maxConns: options.maxConns ?? randomMaxConns(),
        filterBcConns: true,
        peerOpts: {
          wrtc,
          config: {
            // Never simple-peer's default (Google and Twilio STUN): only the cell's servers.
            iceServers: (config.iceServers ?? []).map((s) => ({
              ...s,
              urls: typeof s.urls === 'string' ? s.urls : [...s.urls],
            })),
            iceTransportPolicy: config.relayOnly === true ? 'relay' : 'all',
          },
        },
      });
      // y-webrtc destroys itself on doc destroy without disconnecting first, leaking its
      // socket: route that through close() instead.
      // (y-webrtc binds destroy in its constructor, so this is the registered function.)
      doc.off('destroy', (provider as unknown as { destroy: (this: void) => void }).destroy);
      const internals = provider as unknown as ProviderInternals;
      entry.provider = internals;
      for (const conn of internals.signalingConns) {
        guardSignalingConn(conn, lookupRoom, signalingStats, webSubtle());
        confineSignalingConn(conn, signalingStats, { resubscribeJitterMs: jitterMs, random });
      }
      if (config.relayOnly === true) {
        // Registered after y-webrtc's own reaction, which creates the room: this runs next,
        // before any message can make a connection.
        const countDrop = (): void => {
          signalingStats.nonRelayDropped += 1;
        };
        void internals.key.then(() => {
          if (internals.room !== null) filterRelayOnlySignals(internals.room, countDrop);
        });
      }
      tracker.attach(internals);
    };

    const close = (): void => {
      if (closed) return;
      closed = true;
      if (delay !== undefined) clearTimeout(delay);
      doc.off('destroy', close);
      tracker.stop();
      if (openRooms.get(name) === entry) openRooms.delete(name);
      const provider = entry.provider;
      if (provider !== undefined) {
        if (provider.room !== null) closeChannelAfterPublish(provider.room);
        // Order matters: destroy() alone leaves the rendezvous socket open.
        provider.disconnect();
        provider.destroy();
        // y-webrtc finishes destroy() once the key is derived; a new room of the same name
        // waits for that, or y-webrtc would find its name still taken.
        const released = new Promise<void>((resolve) => {
          const done = (): void => {
            if (provider.room !== null) closeChannelAfterPublish(provider.room);
            closeIdleBroadcastChannel(name);
            resolve();
          };
          provider.key.then(done, done);
        });
        releasing.set(name, released);
        void released.then(() => {
          if (releasing.get(name) === released) releasing.delete(name);
        });
      }
      awareness.destroy();
    };

    doc.on('destroy', close);
    const startSafely = (): void => {
      try {
        start();
      } catch {
        // A platform fault (no WebSocket, WebRTC unavailable): the room stays offline.
        close();
      }
    };
    const startLater = (): void => {
      if (jitterMs <= 0) return startSafely();
      delay = setTimeout(startSafely, Math.floor(random() * jitterMs));
    };
    const previous = releasing.get(name);
    if (previous === undefined) startLater();
    else void previous.then(startLater);

    return ok({
      doc,
      awareness,
      status: tracker.status,
      onStatus: tracker.onStatus,
      close,
    });
  };

  return {
    tryJoin,
    join(config, doc) {
      const joined = tryJoin(config, doc);
      if (joined.ok) return joined.value;
      throw new TransportError(joined.error, joined.detail);
    },
    stats: () => ({ chunks, signaling: signalingStats, unsentBytes: backlog.bytes() }),
  };
}
