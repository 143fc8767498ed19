/**
 * The expiry field of invite code v3 (docs/PROTOCOL.md §10.2): its edge values, rounding, and
 * inviteTimeLeft, which tells the joiner how long their clock says the code stays valid.
 */
import { describe, expect, it } from 'vitest';
import { BECH32_ALPHABET, bech32mChecksum } from '../../../shared/invite/bech32mChecksum.ts';
import { convertBits } from '../../../shared/invite/convertBits.ts';
import { encodeInviteCode } from '../../../shared/invite/encodeInviteCode.ts';
import {
  MAX_INVITE_EXPIRY_MINUTES,
  MIN_INVITE_EXPIRY_MINUTES,
} from '../../../shared/invite/inviteCodeFormat.ts';
import { inviteTimeLeft } from '../../../shared/invite/inviteTimeLeft.ts';
import { parseInviteCode } from '../../../shared/invite/parseInviteCode.ts';

const S = new Uint8Array(32).map((_, i) => i);
const C = new Uint8Array(16).fill(7);
const URL_ENTRY = [0x80 | 18, ...Buffer.from('signal.example.org', 'ascii')];
const MIN = 60_000;

const codeWithMinutes = (minutes: number): string => {
  const m = [minutes >>> 24, (minutes >>> 16) & 255, (minutes >>> 8) & 255, minutes & 255];
  const data = [3, ...convertBits([...S, ...C, ...m, ...URL_ENTRY], 8, 5, true)!];
  const chars = [...data, ...bech32mChecksum('quire', data)].map((v) => BECH32_ALPHABET[v]);
  return `QUIRE1-${chars.join('')}`;
};

describe('the expiry field', () => {
  it('uses the documented bounds: 2024-01-01T00:00Z to 2100-01-01T00:00Z', () => {
    expect(MIN_INVITE_EXPIRY_MINUTES * MIN).toBe(Date.parse('2024-01-01T00:00:00Z'));
    expect(MAX_INVITE_EXPIRY_MINUTES * MIN).toBe(Date.parse('2100-01-01T00:00:00Z'));
  });

  it('parses the edge values inside the range and refuses those outside as malformed', () => {
    for (const m of [
      MIN_INVITE_EXPIRY_MINUTES,
      MIN_INVITE_EXPIRY_MINUTES + 1,
      MAX_INVITE_EXPIRY_MINUTES,
    ])
      expect(parseInviteCode(codeWithMinutes(m)), String(m)).toMatchObject({
        ok: true,
        value: { expiresAt: m * MIN },
      });
    for (const m of [
      0,
      1,
      MIN_INVITE_EXPIRY_MINUTES - 1,
      MAX_INVITE_EXPIRY_MINUTES + 1,
      0x7fffffff,
      0x80000000,
      0xffffffff,
    ])
      expect(parseInviteCode(codeWithMinutes(m)), String(m)).toMatchObject({
        ok: false,
        error: 'malformed',
      });
  });

  it('rounds the roster expiry up to a whole minute, never down', () => {
    const at = (expiresAt: number) => {
      const code = encodeInviteCode({
        secret: S,
        commitment: C,
        expiresAt,
        rendezvousUrls: ['wss://a.org'],
      });
      if (!code.ok) return undefined; // the encoder refused it
      const parsed = parseInviteCode(code.value);
      return parsed.ok ? parsed.value.expiresAt : undefined;
    };
    const t = Date.UTC(2026, 11, 8, 16, 30);
    expect(at(t)).toBe(t);
    expect(at(t + 1)).toBe(t + MIN);
    expect(at(t + MIN - 1)).toBe(t + MIN);
    expect(at(t - 1)).toBe(t);
    expect(at(t + 0.5)).toBe(t + MIN);
    // The lowest accepted input is a whole minute above the minimum's predecessor.
    expect(at(MIN_INVITE_EXPIRY_MINUTES * MIN - MIN + 1)).toBe(MIN_INVITE_EXPIRY_MINUTES * MIN);
    expect(at(MIN_INVITE_EXPIRY_MINUTES * MIN - MIN)).toBeUndefined();
  });
});

describe('inviteTimeLeft', () => {
  const E = Date.UTC(2026, 11, 8, 16, 31);
  it('counts in minutes under an hour (rounded up), hours under two days, else days', () => {
    expect(inviteTimeLeft(E, E)).toEqual({ status: 'valid', unit: 'minute', count: 1 });
    expect(inviteTimeLeft(E, E - 1)).toEqual({ status: 'valid', unit: 'minute', count: 1 });
    expect(inviteTimeLeft(E, E - MIN - 1)).toEqual({ status: 'valid', unit: 'minute', count: 2 });
    expect(inviteTimeLeft(E, E - 3_600_000 + 1)).toMatchObject({ unit: 'minute', count: 60 });
    expect(inviteTimeLeft(E, E - 3_600_000)).toMatchObject({ unit: 'hour', count: 1 });
    expect(inviteTimeLeft(E, E - 90 * MIN)).toMatchObject({ unit: 'hour', count: 2 });
    expect(inviteTimeLeft(E, E - 48 * 3_600_000 + 1)).toMatchObject({ unit: 'hour', count: 48 });
    expect(inviteTimeLeft(E, E - 48 * 3_600_000)).toMatchObject({ unit: 'day', count: 2 });
    expect(inviteTimeLeft(E, E - 30 * 86_400_000)).toMatchObject({ unit: 'day', count: 30 });
  });

  it('says expired once the clock is past the expiry (as the coordinator compares)', () => {
    expect(inviteTimeLeft(E, E + 1)).toEqual({ status: 'expired' });
    expect(inviteTimeLeft(E, E + 365 * 86_400_000)).toEqual({ status: 'expired' });
    expect(inviteTimeLeft(E, NaN)).toEqual({ status: 'expired' });
  });
});
