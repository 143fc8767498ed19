import { keepRelayOnlySignal } from './keepRelayOnlySignal.ts';
import type { RoomInternals, SimplePeerInternals } from './YWebrtcInternals.ts';

/** simple-peer is a Node-style EventEmitter: its 'signal' event is what y-webrtc seals. */
type Emitting = SimplePeerInternals & { emit(event: string | symbol, ...args: unknown[]): boolean };

const filtered = new WeakSet<object>();

const filterPeer = (simplePeer: SimplePeerInternals, onDropped: () => void): void => {
  const peer = simplePeer as Emitting;
  if (filtered.has(peer)) return;
  filtered.add(peer);
  const emit = peer.emit.bind(peer);
  peer.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'signal') return emit(event, ...args);
    const kept = keepRelayOnlySignal(args[0]);
    if (kept === undefined) {
      onDropped();
      return false;
    }
    return emit(event, kept);
  };
};

/**
 * Relay-only's second line of defence: every signal a WebRTC connection of `room` emits passes
 * keepRelayOnlySignal before y-webrtc seals and publishes it, so no host, server-reflexive or
 * peer-reflexive candidate reaches the rendezvous or a peer even if ICE policy `relay` failed.
 * y-webrtc creates each connection and puts it into `room.webrtcConns` in one synchronous step,
 * while simple-peer emits its first signal only after an await: the filter is installed on
 * that `set`. Call it as soon as the room exists, before any connection does.
 */
export function filterRelayOnlySignals(room: RoomInternals, onDropped: () => void): void {
  const conns = room.webrtcConns;
  if (filtered.has(conns)) return;
  filtered.add(conns);
  for (const conn of conns.values()) filterPeer(conn.peer, onDropped);
  const set = conns.set.bind(conns);
  conns.set = (id, conn) => {
    filterPeer(conn.peer, onDropped);
    return set(id, conn);
  };
}
