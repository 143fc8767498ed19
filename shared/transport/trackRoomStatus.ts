import { expireStalledConns } from './expireStalledConns.ts';
import type { RoomStatus } from './Transport.ts';
import type { Handler, ProviderInternals } from './YWebrtcInternals.ts';

/** Safety net for transitions no event reports (a socket closing without y-webrtc noticing). */
const POLL_MS = 1000;

export interface RoomStatusTracker {
  readonly status: () => RoomStatus;
  readonly onStatus: (listener: (status: RoomStatus) => void) => () => void;
  /** Starts following a provider (it may be created after the room, see createYWebrtcTransport). */
  readonly attach: (provider: ProviderInternals) => void;
  readonly stop: () => void;
}

const idle: RoomStatus = { signalingConnected: false, peers: 0 };

/**
 * Status from y-webrtc's state: a rendezvous socket is open, and how many WebRTC connections
 * are actually connected (room.webrtcConns also holds ones still negotiating). Listeners hear
 * each change once, from provider, socket and simple-peer events plus a slow poll.
 */
export function trackRoomStatus(
  connectTimeoutMs: number,
  onStalled: (count: number) => void,
): RoomStatusTracker {
  let provider: ProviderInternals | undefined;
  let last = idle;
  let stopped = false;
  /** Connections expired since a peer was last connected. */
  let failed = 0;
  const listeners = new Set<(status: RoomStatus) => void>();
  const hookedPeers = new WeakSet<object>();
  const firstSeen = new WeakMap<object, number>();
  const unhooks: (() => void)[] = [];

  const status = (): RoomStatus => {
    if (provider === undefined || stopped) return idle;
    let peers = 0;
    provider.room?.webrtcConns.forEach((c) => {
      if (c.connected) peers += 1;
    });
    const conns = provider.signalingConns;
    const signalingConnected = conns.some((c) => c.connected);
    const signalingFailed =
      !signalingConnected && conns.every((c) => !c.connected && c.unsuccessfulReconnects > 0);
    if (peers > 0) failed = 0;
    return {
      signalingConnected,
      signalingFailed,
      peers,
      ...(failed > 0 ? { failedConnections: failed } : {}),
    };
  };
  const check = (): void => {
    const now = status();
    if (
      now.signalingConnected === last.signalingConnected &&
      now.signalingFailed === last.signalingFailed &&
      now.peers === last.peers &&
      now.failedConnections === last.failedConnections
    )
      return;
    last = now;
    for (const l of [...listeners]) {
      try {
        l(now);
      } catch {
        // a listener's fault must not stop the others or reach y-webrtc
      }
    }
  };
  const hookPeers = (): void => {
    provider?.room?.webrtcConns.forEach((c) => {
      if (hookedPeers.has(c.peer)) return;
      hookedPeers.add(c.peer);
      // Registered after y-webrtc's own handlers, so `connected` is already updated.
      c.peer.on('connect', check);
      c.peer.on('close', check);
    });
    check();
  };
  const listen = (
    target: { on(n: string, f: Handler): void; off(n: string, f: Handler): void },
    name: string,
    f: Handler,
  ): void => {
    target.on(name, f);
    unhooks.push(() => target.off(name, f));
  };
  const timer = setInterval(() => {
    const room = provider?.room;
    if (room !== null && room !== undefined && !stopped) {
      const stalled = expireStalledConns(room, firstSeen, performance.now(), connectTimeoutMs);
      if (stalled > 0) {
        failed += stalled;
        onStalled(stalled);
      }
    }
    hookPeers();
  }, POLL_MS);

  return {
    status,
    onStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    attach: (p) => {
      provider = p;
      listen(p, 'peers', hookPeers);
      listen(p, 'status', check);
      for (const conn of p.signalingConns) {
        listen(conn, 'connect', check);
        listen(conn, 'disconnect', check);
      }
      check();
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
      for (const unhook of unhooks.splice(0)) unhook();
      check();
      listeners.clear();
    },
  };
}
