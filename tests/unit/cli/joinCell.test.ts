/**
 * `quire join`'s joining step (node/cli/joinCell.ts) over the in-memory network: the admitting
 * coordinator's safety words on stderr, and how the joiner confirms them (--confirm-words, a
 * terminal prompt, or a script that goes on and says it did not compare).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { safetyWords } from '../../../shared/identity/safetyWords.ts';
import type { CliIo } from '../../../node/cli/CliIo.ts';
import { joinCell } from '../../../node/cli/joinCell.ts';
import { TestCell, type TestInvite } from '../join/joinFixture.ts';
import { startHost, world, type World } from '../join/joinHarness.ts';

const URLS = ['ws://127.0.0.1:4444'];

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
) {
  let settled = false;
  const done = joinCell({
    code: invite.code,
    pseudonym: 'Olena',
    timeoutMs,
    transport: w.net.transportFor(2),
    io,
    confirmWords,
  }).finally(() => (settled = true));
  while (!settled) await w.run(100);
  return done;
}

function annasCell() {
  const w = world(21);
  const cell = new TestCell(URLS, 'Anna');
  const invite = cell.invite();
  startHost(w, cell, invite, 1);
  const words = safetyWords(cell.coordinator.signPk, cell.coordinator.boxPk);
  return { w, cell, invite, words };
}

describe('quire join: the coordinator safety words', () => {
  it('prints them on stderr; a script without --confirm-words joins and says they were not compared', async () => {
    const { w, cell, invite, words } = annasCell();
    const m = memoryIo();
    const r = await join(w, invite, m.io);
    expect(r.ok && r.value.welcome.cellId).toEqual(cell.cellId);
    expect(m.stdout).toEqual([]);
    expect(m.stderr[0]).toBe(`safety words of Anna, who admitted you: ${words.join(' ')}`);
    expect(m.stderr[1]).toMatch(/^not compared \(no --confirm-words, no terminal\)/);
    expect(m.stderr).toHaveLength(2);
  });

  it('--confirm-words must equal them (any case, spaces or dashes); else nothing is kept', async () => {
    const a = annasCell();
    const typed = a.words.join('-').toUpperCase();
    const m = memoryIo();
    const r = await join(a.w, a.invite, m.io, typed);
    expect(r.ok).toBe(true);
    expect(m.stderr).toEqual([`safety words of Anna, who admitted you: ${a.words.join(' ')}`]);

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
    expect(m.stderr).toEqual([]);
  });
});
