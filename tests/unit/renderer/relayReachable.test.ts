import { describe, expect, it } from 'vitest';
import { relayReachable } from '../../../renderer/session/relayReachable.ts';

const coordinator = { signPkHex: 'aa', role: 'coordinator' } as const;
const member = { signPkHex: 'bb', role: 'member' } as const;
const relayOne = { signPkHex: 'cc', role: 'relay' } as const;
const relayTwo = { signPkHex: 'dd', role: 'relay' } as const;

describe('relayReachable', () => {
  it('is undefined when the cell has no relay, whoever is connected', () => {
    expect(relayReachable([], new Set())).toBeUndefined();
    expect(relayReachable([coordinator, member], new Set(['aa', 'bb', 'cc']))).toBeUndefined();
  });

  it('is false when the cell has relays but none of them is connected', () => {
    expect(relayReachable([coordinator, relayOne], new Set())).toBe(false);
    expect(relayReachable([coordinator, member, relayOne, relayTwo], new Set(['aa', 'bb']))).toBe(
      false,
    );
  });

  it('is true as soon as one relay of the roster is connected', () => {
    expect(relayReachable([coordinator, relayOne, relayTwo], new Set(['dd']))).toBe(true);
    expect(relayReachable([relayOne, member], new Set(['cc', 'bb']))).toBe(true);
  });

  it('counts only keys the roster gives the relay role', () => {
    // A member's key is connected, and a removed relay's key: neither is the cell's relay now.
    expect(relayReachable([{ signPkHex: 'bb', role: 'relay' }], new Set(['BB']))).toBe(false);
    expect(relayReachable([member, relayOne], new Set(['bb', 'ee']))).toBe(false);
  });
});
