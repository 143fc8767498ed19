import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { filterRelayOnlySignals } from '../../../shared/transport/filterRelayOnlySignals.ts';
import {
  keepRelayCandidate,
  keepRelayOnlySdp,
  keepRelayOnlySignal,
} from '../../../shared/transport/keepRelayOnlySignal.ts';
import type {
  RoomInternals,
  WebrtcConnInternals,
} from '../../../shared/transport/YWebrtcInternals.ts';

// As libwebrtc writes them; the member's addresses are 192.0.2.7 (LAN) and 198.51.100.7 (public).
const HOST =
  'candidate:1 1 udp 2122260223 192.0.2.7 54321 typ host generation 0 ufrag a network-id 1';
const HOST_TCP = 'candidate:2 1 tcp 1518280447 192.0.2.7 9 typ host tcptype active generation 0';
const SRFLX =
  'candidate:3 1 udp 1686052607 198.51.100.7 61000 typ srflx raddr 192.0.2.7 rport 54321 generation 0';
const PRFLX =
  'candidate:4 1 udp 1853824767 198.51.100.7 61001 typ prflx raddr 192.0.2.7 rport 54321 generation 0';
const MDNS =
  'candidate:5 1 udp 2122260223 3f1e9c1a-0000-4000-8000-000000000000.local 54321 typ host';
const RELAY =
  'candidate:6 1 udp 41885439 203.0.113.9 50000 typ relay raddr 198.51.100.7 rport 61000 generation 0';
const MEMBER = ['192.0.2.7', '198.51.100.7', '54321', '61000', '.local'];

const sdp = (lines: readonly string[]): string =>
  [
    'v=0',
    'o=- 4611731400430051336 2 IN IP4 192.0.2.7',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'm=application 61000 UDP/DTLS/SCTP webrtc-datachannel',
    'c=IN IP4 198.51.100.7',
    'a=rtcp:61000 IN IP4 198.51.100.7',
    ...lines.map((l) => `a=${l}`),
    'a=ice-ufrag:abcd',
    'a=mid:0',
    'a=sctp-port:5000',
    '',
  ].join('\r\n');

const revealsMember = (text: string): boolean => MEMBER.some((m) => text.includes(m));

describe('keepRelayOnlySignal', () => {
  it('drops host, srflx, prflx and mDNS candidates, and keeps relay ones without raddr', () => {
    for (const line of [HOST, HOST_TCP, SRFLX, PRFLX, MDNS]) {
      const signal = {
        type: 'candidate',
        candidate: { candidate: line, sdpMid: '0', sdpMLineIndex: 0 },
      };
      expect(keepRelayOnlySignal(signal), line).toBeUndefined();
    }
    const kept = keepRelayOnlySignal({
      type: 'candidate',
      candidate: { candidate: RELAY, sdpMid: '0', sdpMLineIndex: 0 },
    }) as { candidate: { candidate: string; sdpMid: string } };
    expect(kept.candidate.candidate).toBe(
      'candidate:6 1 udp 41885439 203.0.113.9 50000 typ relay raddr 0.0.0.0 rport 0 generation 0',
    );
    expect(kept.candidate.sdpMid).toBe('0');
    expect(revealsMember(JSON.stringify(kept))).toBe(false);
  });

  it('control: the unfiltered signals carry the member addresses the filter removes', () => {
    expect(revealsMember(sdp([HOST, SRFLX, RELAY]))).toBe(true);
    expect(revealsMember(RELAY)).toBe(true);
  });

  it('leaves only relay candidate lines and no member address in an offer or answer', () => {
    for (const type of ['offer', 'answer'] as const) {
      const out = keepRelayOnlySignal({ type, sdp: sdp([HOST, SRFLX, PRFLX, MDNS, RELAY]) }) as {
        type: string;
        sdp: string;
      };
      expect(out.type).toBe(type);
      const candidates = out.sdp.split('\r\n').filter((l) => l.startsWith('a=candidate:'));
      expect(candidates).toEqual([`a=${keepRelayCandidate(RELAY)!}`]);
      expect(revealsMember(out.sdp)).toBe(false);
      expect(out.sdp).toContain('m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n');
      expect(out.sdp).toContain('a=ice-ufrag:abcd\r\na=mid:0');
      expect(out.sdp.endsWith('\r\n')).toBe(true);
    }
  });

  it('keeps a rejected m= section rejected (port 0)', () => {
    expect(keepRelayOnlySdp('m=application 0 UDP/DTLS/SCTP webrtc-datachannel\n')).toBe(
      'm=application 0 UDP/DTLS/SCTP webrtc-datachannel\n',
    );
  });

  it('fails closed on shapes it does not know, and passes renegotiate', () => {
    for (const junk of [
      null,
      'x',
      [],
      { type: 'transceiverRequest', transceiverRequest: { kind: 'audio' } },
      { type: 'candidate' },
      { type: 'candidate', candidate: { candidate: 7 } },
      { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 1.2.3.4 5 typ' } },
      { type: 'offer' },
    ])
      expect(keepRelayOnlySignal(junk), JSON.stringify(junk)).toBeUndefined();
    const renegotiate = { type: 'renegotiate', renegotiate: true };
    expect(keepRelayOnlySignal(renegotiate)).toBe(renegotiate);
  });
});

describe('filterRelayOnlySignals', () => {
  const makeRoom = (): RoomInternals =>
    ({ webrtcConns: new Map<string, WebrtcConnInternals>() }) as unknown as RoomInternals;
  const makeConn = (): { conn: WebrtcConnInternals; published: unknown[] } => {
    const peer = new EventEmitter();
    const published: unknown[] = [];
    // What y-webrtc does with each signal: seal and publish it.
    peer.on('signal', (s: unknown) => published.push(s));
    return {
      conn: { connected: false, peer } as unknown as WebrtcConnInternals,
      published,
    };
  };

  it('filters the signals of every connection put into the room, before y-webrtc sees them', () => {
    const room = makeRoom();
    let dropped = 0;
    const early = makeConn();
    room.webrtcConns.set('early', early.conn);
    filterRelayOnlySignals(room, () => (dropped += 1));
    filterRelayOnlySignals(room, () => (dropped += 100)); // idempotent
    const late = makeConn();
    room.webrtcConns.set('late', late.conn);
    for (const { conn } of [early, late]) {
      const peer = conn.peer as unknown as EventEmitter;
      peer.emit('signal', { type: 'offer', sdp: sdp([HOST, RELAY]) });
      peer.emit('signal', { type: 'candidate', candidate: { candidate: SRFLX } });
      peer.emit('signal', { type: 'candidate', candidate: { candidate: RELAY } });
      peer.emit('connect');
    }
    for (const { published } of [early, late]) {
      expect(published).toHaveLength(2);
      expect(revealsMember(JSON.stringify(published))).toBe(false);
    }
    expect(dropped).toBe(2);
    expect(room.webrtcConns.get('late')).toBe(late.conn);
  });

  it('control: without the filter, the same connection publishes the member addresses', () => {
    const room = makeRoom();
    const { conn, published } = makeConn();
    room.webrtcConns.set('p', conn);
    (conn.peer as unknown as EventEmitter).emit('signal', {
      type: 'candidate',
      candidate: { candidate: SRFLX },
    });
    expect(revealsMember(JSON.stringify(published))).toBe(true);
  });
});
