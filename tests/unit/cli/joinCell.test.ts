/**
 * `quire join`'s joining step (node/cli/joinCell.ts) over the in-memory network: the code's
 * validity (and an expired code refused before anything is sent), the admitting coordinator's
 * safety words on stderr, and how the joiner confirms them (--confirm-words, a terminal prompt,
 * or a script that goes on and says it did not compare).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import type { CliIo } from '../../../node/cli/CliIo.ts';
import { joinCell } from '../../../node/cli/joinCell.ts';
import { CODE_EXPIRES_AT, TestCell, type TestInvite } from '../join/joinFixture.ts';
import { startHost, world, type World } from '../join/joinHarness.ts';

const URLS = ['ws://127.0.0.1:4444'];
/** The joiner's clock: 5 hours before the fixture codes' expiry (2099-01-01T00:00Z). */
const NOW = CODE_EXPIRES_AT - 5 * 3_600_000;
const VALIDITY =
  "invite valid until 2099-01-01 00:00 UTC, about 5 hours left (by this computer's clock)";

beforeAll(async () => {
  await sodiumReady();
});

function memoryIo(answers?: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const asked: string[] = [];
  const io: CliIo = {
    env: {},
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    readStdin: () => Promise.resolve(new Uint8Array()),
    onStop: () => () => undefined,
    ...(answers === undefined
      ? {}
      : {
          ask: (question: string) => {
            asked.push(question);
            return Promise.resolve(answers.shift());
          },
        }),
  };
  return { io, stdout, stderr, asked };
}

/** Runs joinCell against a host in `w` until it settles (virtual network, real join timeout). */
async function join(
  w: World,
  invite: TestInvite,
  io: CliIo,
  confirmWords?: string,
  timeoutMs = 30_000,
  now = NOW,
) {
  let settled = false;
  const done = joinCell({
    code: invite.code,
    pseudonym: 'Olena',
    timeoutMs,
    transport: w.net.transportFor(2),
    io,
    confirmWords,
    now: () => now,
  }).finally(() => (settled = true));
  while (!settled) await w.run(100);
  return done;
}

function annasCell() {
  const w = world(21);
  const cell = new TestCell(URLS, 'Anna');
  const invite = cell.invite();
  const host = startHost(w, cell, invite, 1);
  const words = safetyWords(cell.coordinator.signPk, cell.coordinator.boxPk);
  return { w, cell, invite, words, host };
}

describe('quire join: the coordinator safety words', () => {
  it('prints them on stderr; a script without --confirm-words joins and says they were not compared', async () => {
    const { w, cell, invite, words } = annasCell();
    const m = memoryIo();
    const r = await join(w, invite, m.io);
    expect(r.ok && r.value.welcome.cellId).toEqual(cell.cellId);
    expect(m.stdout).toEqual([]);
    expect(m.stderr[0]).toBe(VALIDITY);
    expect(m.stderr[1]).toBe(`safety words of Anna, who admitted you: ${words.join(' ')}`);
    expect(m.stderr[2]).toMatch(/^not compared \(no --confirm-words, no terminal\)/);
    expect(m.stderr).toHaveLength(3);
  });

  it('--confirm-words must equal them (any case, spaces or dashes); else nothing is kept', async () => {
    const a = annasCell();
    const typed = a.words.join('-').toUpperCase();
    const m = memoryIo();
    const r = await join(a.w, a.invite, m.io, typed);
    expect(r.ok).toBe(true);
    expect(m.stderr).toEqual([
      VALIDITY,
      `safety words of Anna, who admitted you: ${a.words.join(' ')}`,
    ]);

    const b = annasCell();
    const wrong = [...b.words.slice(0, 7), b.words[7] === 'abandon' ? 'ability' : 'abandon'].join(
      ' ',
    );
    const n = memoryIo();
    const refused = await join(b.w, b.invite, n.io, wrong);
    expect(refused).toEqual({
      ok: false,
      error: 'denied',
      detail:
        'the safety words of Anna differ from --confirm-words: nothing was kept; ask for a new code',
    });
  });

  it('asks a person at a terminal, and keeps nothing unless they say yes', async () => {
    const yes = annasCell();
    const m = memoryIo(['y']);
    expect((await join(yes.w, yes.invite, m.io)).ok).toBe(true);
    expect(m.asked).toEqual(['Do these words match what Anna reads to you? [y/N] ']);

    for (const answer of ['n', '', undefined]) {
      const no = annasCell();
      const n = memoryIo(answer === undefined ? [] : [answer]);
      expect(await join(no.w, no.invite, n.io)).toMatchObject({ ok: false, error: 'denied' });
    }
  });

  it('says a forged answer was refused when only an interceptor answered', async () => {
    const w = world(22);
    const real = new TestCell(URLS, 'Anna');
    const invite = real.invite();
    const forged = new TestCell(URLS, 'Anna');
    forged.post({
      type: 'invite',
      inviteId: invite.inviteId,
      role: invite.role,
      expiresAt: invite.expiresAt,
    });
    startHost(w, forged, invite, 1);
    const m = memoryIo();
    const r = await join(w, invite, m.io, undefined, 1_000);
    expect(r).toMatchObject({ ok: false, error: 'denied' });
    expect(!r.ok && r.detail).toMatch(/^refused an answer from someone else holding this code/);
    expect(m.stderr).toEqual([VALIDITY]);
  });
});

describe('quire join: the validity the code carries', () => {
  it('says how long is left, in the largest sensible unit', async () => {
    const cases: [number, string][] = [
      [CODE_EXPIRES_AT, 'about 1 minute left'],
      [CODE_EXPIRES_AT - 1, 'about 1 minute left'],
      [CODE_EXPIRES_AT - 59 * 60_000 - 1, 'about 60 minutes left'],
      [CODE_EXPIRES_AT - 3_600_000, 'about 1 hour left'],
      [CODE_EXPIRES_AT - 47 * 3_600_000, 'about 47 hours left'],
      [CODE_EXPIRES_AT - 3 * 86_400_000, 'about 3 days left'],
    ];
    for (const [now, left] of cases) {
      const { w, invite } = annasCell();
      const m = memoryIo();
      expect((await join(w, invite, m.io, undefined, 30_000, now)).ok).toBe(true);
      expect(m.stderr[0]).toBe(
        `invite valid until 2099-01-01 00:00 UTC, ${left} (by this computer's clock)`,
      );
    }
  });

  it('refuses a code past its expiry before sending anything, and says when it expired', async () => {
    const { w, cell, invite, host } = annasCell();
    const m = memoryIo();
    const r = await join(w, invite, m.io, undefined, 30_000, CODE_EXPIRES_AT + 1);
    expect(r).toEqual({
      ok: false,
      error: 'denied',
      detail:
        "this invite expired on 2099-01-01 00:00 UTC (by this computer's clock): ask for a new one",
    });
    expect(m.stderr).toEqual([]);
    // Nothing reached the coordinator: no request, nobody admitted.
    await w.run(5_000);
    expect(host.events.filter((e) => e.type === 'request')).toEqual([]);
    expect(cell.makeWelcomeCalls).toBe(0);
  });
});
