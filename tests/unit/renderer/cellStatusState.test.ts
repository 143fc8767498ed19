import { describe, expect, it } from 'vitest';
import { trackRoomStatus } from '../../../shared/transport/trackRoomStatus.ts';
import type {
  Handler,
  ProviderInternals,
  SignalingConnInternals,
} from '../../../shared/transport/YWebrtcInternals.ts';
import { cellStatusState } from '../../../renderer/shell/cellStatusState.ts';

/** A rendezvous socket as lib0's WebsocketClient keeps it: open, or attempts failed so far. */
interface FakeConn {
  connected: boolean;
  unsuccessfulReconnects: number;
}

const noEvents = { on: (_n: string, _f: Handler) => undefined, off: () => undefined };

function provider(conns: FakeConn[]): ProviderInternals {
  const signalingConns = conns.map(
    (c) =>
      ({
        ...noEvents,
        emit: () => undefined,
        url: 'ws://127.0.0.1:1',
        ws: null,
        providers: new Set(),
        send: () => undefined,
        get connected() {
          return c.connected;
        },
        get unsuccessfulReconnects() {
          return c.unsuccessfulReconnects;
        },
      }) satisfies SignalingConnInternals,
  );
  return {
    ...noEvents,
    emit: () => undefined,
    room: null,
    signalingConns,
    key: Promise.resolve(null),
    disconnect: () => undefined,
    destroy: () => undefined,
  };
}

/** What the status line shows for a room, as createCellSession maps the room's status. */
function shown(tracker: ReturnType<typeof trackRoomStatus>): string {
  const s = tracker.status();
  return cellStatusState({
    rendezvousReachable: s.signalingConnected,
    rendezvousFailed: s.signalingFailed === true,
    peers: s.peers,
  });
}

describe('the status line says "connecting" until the first attempt really failed (issue 19 item 5)', () => {
  it('a first attempt still under way is not "not reachable"; a failed one is', () => {
    const first: FakeConn = { connected: false, unsuccessfulReconnects: 0 };
    const second: FakeConn = { connected: false, unsuccessfulReconnects: 0 };
    const tracker = trackRoomStatus(15_000, () => undefined);
    try {
      // Before y-webrtc's provider exists, and with both sockets on their first attempt.
      expect(shown(tracker)).toBe('connecting');
      tracker.attach(provider([first, second]));
      expect(shown(tracker)).toBe('connecting');
      // One server refused: the other may still answer.
      first.unsuccessfulReconnects = 1;
      expect(shown(tracker)).toBe('connecting');
      second.unsuccessfulReconnects = 2;
      expect(shown(tracker)).toBe('offline');
      // One opens: connected, alone until a peer connects.
      second.connected = true;
      second.unsuccessfulReconnects = 0;
      expect(shown(tracker)).toBe('alone');
      // It drops: lib0 reconnects at once, so that is "connecting" until the retry fails.
      second.connected = false;
      expect(shown(tracker)).toBe('connecting');
      second.unsuccessfulReconnects = 1;
      expect(shown(tracker)).toBe('offline');
    } finally {
      tracker.stop();
    }
  });

  it('peers decide between alone and online once connected', () => {
    expect(cellStatusState({ rendezvousReachable: true, rendezvousFailed: false, peers: 0 })).toBe(
      'alone',
    );
    expect(cellStatusState({ rendezvousReachable: true, rendezvousFailed: false, peers: 2 })).toBe(
      'online',
    );
  });

  it('relay-only with members there and every connection failing says the relay is failing', () => {
    const base = { rendezvousReachable: true, rendezvousFailed: false };
    expect(cellStatusState({ ...base, peers: 0, relayFailing: true })).toBe('relayFailing');
    expect(cellStatusState({ ...base, peers: 1, relayFailing: true })).toBe('online');
    expect(cellStatusState({ ...base, peers: 0, relayOnlyWithoutTurn: true })).toBe('noRelay');
  });
});
