import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { BECH32_ALPHABET } from '../../../shared/invite/bech32mChecksum.ts';
import type { JoinerState } from '../../../shared/invite/JoinerState.ts';
import { joinWithCode } from '../../../shared/join/joinWithCode.ts';
import type { Transport } from '../../../shared/transport/Transport.ts';
import { identity, TestCell } from './joinFixture.ts';
import { startJoiner, world } from './joinHarness.ts';

const URLS = ['ws://127.0.0.1:4444'];

beforeAll(async () => {
  await sodiumReady();
});

/** A transport that must not be used: counts attempts and refuses. */
function untouchable(): Transport & { attempts: number } {
  const t = {
    attempts: 0,
    join(): never {
      t.attempts++;
      throw new Error('the network was touched');
    },
  };
  return t;
}

/** The same code with one data character replaced by another alphabet character. */
function typo(code: string, at: number): string {
  const chars = [...code];
  const c = (chars[at] ?? 'Q').toLowerCase();
  const replacement = BECH32_ALPHABET[(BECH32_ALPHABET.indexOf(c) + 1) % 32] ?? 'q';
  chars[at] = replacement.toUpperCase();
  return chars.join('');
}

describe('joinWithCode', () => {
  it('reports a typo as invalid_code without touching the network', async () => {
    const cell = new TestCell(URLS);
    const { code } = cell.invite();
    const transport = untouchable();
    const states: JoinerState[] = [];
    const r = await joinWithCode({
      code: typo(code, 12),
      transport,
      identity: identity('Olena'),
      pseudonym: 'Olena',
      timeoutMs: 1_000,
      onState: (s) => states.push(s),
    });
    expect(r).toEqual({ ok: false, error: 'invalid_code', detail: 'checksum_mismatch' });
    expect(states).toEqual([{ status: 'invalid_code', error: 'checksum_mismatch' }]);
    expect(transport.attempts).toBe(0);
    const notACode = await joinWithCode({
      code: 'hello',
      transport,
      identity: identity('Olena'),
      pseudonym: 'Olena',
      timeoutMs: 1_000,
    });
    expect(notACode).toEqual({ ok: false, error: 'invalid_code', detail: 'not_a_quire_code' });
    expect(transport.attempts).toBe(0);
  });

  it('times out cleanly when nobody answers, and leaves the room', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const { code } = cell.invite();
    const joiner = startJoiner(w, code, 2, { timeoutMs: 10_000 });
    await w.run(9_990);
    expect(joiner.result()).toBeUndefined();
    expect(joiner.transport.closes).toBe(0);
    await w.run(20);
    expect(joiner.result()).toEqual({ ok: false, error: 'timeout' });
    expect(joiner.transport.joins).toBe(1);
    expect(joiner.transport.closes).toBe(1);
    // No timer of the join is left behind.
    expect(w.scheduler.pendingTimers).toBe(0);
  });

  it('stops on abort and leaves the room', async () => {
    const w = world();
    const cell = new TestCell(URLS);
    const { code } = cell.invite();
    const abort = new AbortController();
    const joiner = startJoiner(w, code, 2, { signal: abort.signal });
    await w.run(100);
    abort.abort();
    await w.run(1);
    expect(joiner.result()).toEqual({ ok: false, error: 'cancelled' });
    expect(joiner.transport.closes).toBe(1);
    const before = new AbortController();
    before.abort();
    const r = await joinWithCode({
      code,
      transport: untouchable(),
      identity: identity('Olena'),
      pseudonym: 'Olena',
      timeoutMs: 1_000,
      signal: before.signal,
    });
    expect(r).toEqual({ ok: false, error: 'cancelled' });
  });

  it('returns transport when the room cannot be joined, and invalid_argument for bad keys', async () => {
    const cell = new TestCell(URLS);
    const { code } = cell.invite();
    const transport = untouchable();
    const r = await joinWithCode({
      code,
      transport,
      identity: identity('Olena'),
      pseudonym: 'Olena',
      timeoutMs: 1_000,
    });
    expect(r).toMatchObject({ ok: false, error: 'transport' });
    expect(transport.attempts).toBe(1);
    const olena = identity('Olena');
    const mismatched = await joinWithCode({
      code,
      transport,
      identity: { ...olena, signPk: identity('Other').signPk },
      pseudonym: 'Olena',
      timeoutMs: 1_000,
    });
    expect(mismatched).toMatchObject({ ok: false, error: 'invalid_argument' });
    const badName = await joinWithCode({
      code,
      transport,
      identity: olena,
      pseudonym: ' padded ',
      timeoutMs: 1_000,
    });
    expect(badName).toMatchObject({ ok: false, error: 'invalid_argument' });
    expect(transport.attempts).toBe(1);
  });
});
