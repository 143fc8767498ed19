import { describe, expect, it } from 'vitest';
import {
  isAllowedRendezvousHost,
  rendezvousUrls,
  type Interfaces,
} from '../../../electron/main/policy/rendezvousHost.ts';

const interfaces: Interfaces = {
  lo: [
    { address: '127.0.0.1', family: 'IPv4', internal: true },
    { address: '::1', family: 'IPv6', internal: true },
  ],
  eth0: [
    { address: '192.168.1.20', family: 'IPv4', internal: false },
    { address: 'fe80::1', family: 'IPv6', internal: false },
    { address: '2001:db8::5', family: 'IPv6', internal: false },
  ],
  wlan0: [{ address: '10.0.0.7', family: 4, internal: false }],
  down: undefined,
};

describe('isAllowedRendezvousHost', () => {
  it('allows loopback, wildcards and this machine’s own addresses', () => {
    for (const host of ['127.0.0.1', '::1', '0.0.0.0', '::', '192.168.1.20', '10.0.0.7']) {
      expect(isAllowedRendezvousHost(host, interfaces), host).toBe(true);
    }
  });
  it('refuses anything else', () => {
    for (const host of ['8.8.8.8', 'example.org', 'localhost', '192.168.1.21', '', '0.0.0.0 ']) {
      expect(isAllowedRendezvousHost(host, interfaces), host).toBe(false);
    }
  });
});

describe('rendezvousUrls', () => {
  it('lists every external IPv4 address for 0.0.0.0', () => {
    expect(rendezvousUrls('0.0.0.0', 4444, interfaces)).toEqual([
      'ws://192.168.1.20:4444',
      'ws://10.0.0.7:4444',
    ]);
  });
  it('adds routable IPv6 (not link-local) for ::', () => {
    expect(rendezvousUrls('::', 5000, interfaces)).toEqual([
      'ws://192.168.1.20:5000',
      'ws://10.0.0.7:5000',
      'ws://[2001:db8::5]:5000',
    ]);
  });
  it('returns the one URL for a specific host', () => {
    expect(rendezvousUrls('127.0.0.1', 1, interfaces)).toEqual(['ws://127.0.0.1:1']);
    expect(rendezvousUrls('::1', 1, interfaces)).toEqual(['ws://[::1]:1']);
  });
});
