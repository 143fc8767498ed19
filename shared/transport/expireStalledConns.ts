import type { RoomInternals } from './YWebrtcInternals.ts';

/**
 * Destroys WebRTC connections that have not connected within `timeoutMs` of being first seen.
 * Neither y-webrtc nor simple-peer has a connect timeout, and y-webrtc never replaces a
 * connection it holds, so one lost offer or answer would block that peer for good. Destroying
 * it makes y-webrtc forget it and announce again. Returns how many were destroyed.
 */
export function expireStalledConns(
  room: RoomInternals,
  firstSeen: WeakMap<object, number>,
  now: number,
  timeoutMs: number,
): number {
  let expired = 0;
  room.webrtcConns.forEach((conn) => {
    if (conn.connected) return;
    const seen = firstSeen.get(conn);
    if (seen === undefined) {
      firstSeen.set(conn, now);
      return;
    }
    if (now - seen < timeoutMs) return;
    expired += 1;
    try {
      conn.peer.destroy();
    } catch {
      // already destroyed
    }
  });
  return expired;
}
