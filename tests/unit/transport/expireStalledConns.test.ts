import wrtc from '@roamhq/wrtc';
import { describe, expect, it } from 'vitest';
import { expireStalledConns } from '../../../shared/transport/expireStalledConns.ts';
import type {
  RoomInternals,
  SimplePeerInternals,
} from '../../../shared/transport/YWebrtcInternals.ts';

/** simple-peer as y-webrtc loads it (no typings of its own). */
const peerModule: string = 'simple-peer/simplepeer.min.js';
const { default: Peer } = (await import(peerModule)) as {
  default: new (opts: object) => SimplePeerInternals & { destroyed: boolean };
};

describe('expireStalledConns', () => {
  it('destroys a connection that never connected once the timeout has passed, and only that', async () => {
    // A real simple-peer that will never get an answer: y-webrtc would hold it forever.
    const stalled = new Peer({ initiator: true, wrtc, config: { iceServers: [] } });
    const live = new Peer({ initiator: true, wrtc, config: { iceServers: [] } });
    const room: RoomInternals = {
      name: 'r',
      peerId: 'p',
      key: null,
      webrtcConns: new Map([
        ['stalled', { connected: false, peer: stalled }],
        ['live', { connected: true, peer: live }],
      ]),
      mux: (f) => f(),
    };
    const seen = new WeakMap<object, number>();
    expect(expireStalledConns(room, seen, 1_000, 15_000)).toBe(0); // first seen now
    expect(expireStalledConns(room, seen, 15_999, 15_000)).toBe(0);
    expect(expireStalledConns(room, seen, 16_000, 15_000)).toBe(1);
    await new Promise((r) => setTimeout(r, 10));
    expect(stalled.destroyed).toBe(true);
    expect(live.destroyed).toBe(false);
    live.destroy();
  });
});
