import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import { deriveEpochSecrets, deriveRoomName } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { openHome } from '../../../node/cli/Home.ts';
import type { SignalServer } from '../../../node/signal/SignalServer.ts';
import type { PeerPool } from '../transport/peerProcess.ts';
import { filesUnder, findLeaks, type Haystack } from './findLeaks.ts';
import { ok, type QuireRunner, type Running } from './quireProcess.ts';

/**
 * The blind relay as a real process (`quire relay`), over real WebRTC on loopback: members who are
 * never online together sync through it alone; it survives SIGKILL mid-sync without losing what
 * it stored; a wrong-password peer and junk on its rendezvous topic do not crash it; and neither
 * its home nor its output (nor the members' homes) holds any readable content, name or pseudonym.
 */
const CELL_NAME = 'Samizdat circle Orchid';
const ANNA = 'Anna-Kovalenko';
const BORIS = 'Boris-Melnyk';
const TITLE_7 = 'Issue seven: the bakery strike';
const TEXT_7 = 'The bakers walked out on Monday.\nSupport fund: ask for Aunt Vera.';
const TITLE_8 = 'Issue eight: the long report';
// Large (about 1.5 MB), so the relay is still busy with it when it is killed.
const TEXT_8 = [
  'Witness statements from the courthouse steps.',
  ...Array.from(
    { length: 300 },
    (_, i) => `${i} ${'the river kept rising all night '.repeat(160)}`,
  ),
].join('\n');

async function publishJunk(url: string, topic: string): Promise<void> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
  for (let i = 0; i < 20; i++) {
    ws.send(
      JSON.stringify({ type: 'publish', topic, data: randomBytes(64 + i * 50).toString('base64') }),
    );
    ws.send(JSON.stringify({ type: 'publish', topic, data: { type: 'announce', from: 'x' } }));
  }
  ws.send(randomBytes(300));
  await new Promise((r) => setTimeout(r, 300));
  ws.close();
}

export async function runRelayScenario(
  q: QuireRunner,
  pass: string,
  dir: string,
  server: SignalServer,
  pool: PeerPool,
): Promise<void> {
  const home = (who: string): string => join(dir, who);
  const relayOutput: Haystack[] = [];
  const keepOutput = (name: string, r: Running): void => {
    void r.exited.then((e) =>
      relayOutput.push({ name, bytes: Buffer.from([...e.stdout, ...e.stderr].join('\n')) }),
    );
  };
  await Promise.all(['a', 'b', 'r'].map(async (w) => ok(await q.run(['init', '--home', home(w)]))));
  const [cell] = ok(
    await q.run([
      'cell',
      'create',
      '--home',
      home('a'),
      '--name',
      CELL_NAME,
      '--pseudonym',
      ANNA,
      '--signal',
      server.url,
    ]),
  );
  const c = ['--cell', cell!];
  const [codeB] = ok(await q.run(['invite', 'create', '--home', home('a'), ...c]));
  const [codeR] = ok(
    await q.run(['invite', 'create', '--home', home('a'), ...c, '--role', 'relay']),
  );

  // B joins and the relay is admitted while A serves.
  const serve = q.start(['serve', '--home', home('a'), '--approve-all']);
  let relay = q.start(['relay', '--home', home('r'), '--code', codeR!]);
  keepOutput('relay run 1', relay);
  const joinB = q.run(['join', '--home', home('b'), '--code', codeB!, '--pseudonym', BORIS]);
  expect((await relay.waitForLine(/^[0-9a-f]{32}$/, 90_000))[0]).toBe(cell);
  await relay.waitForLine(/^ready$/);
  expect(ok(await joinB, 'join')).toEqual([cell]);
  expect((await serve.stop()).code).toBe(0);

  // A writes and syncs with the relay online, then goes offline.
  ok(
    await q.run(['draft', 'write', '--home', home('a'), ...c, '--title', TITLE_7], {
      stdin: TEXT_7,
    }),
  );
  ok(await q.run(['sync', '--home', home('a'), ...c, '--timeout', '90']), 'sync A');

  // A writes a large draft; the relay is SIGKILLed as soon as it starts storing it.
  ok(
    await q.run(['draft', 'write', '--home', home('a'), ...c, '--title', TITLE_8], {
      stdin: TEXT_8,
    }),
  );
  const log = join(home('r'), 'store.log');
  const before = (await stat(log)).size;
  const syncA = q.run(['sync', '--home', home('a'), ...c, '--timeout', '15']);
  let killedMidway = false;
  for (let i = 0; i < 3000 && !killedMidway; i++) {
    if ((await stat(log)).size > before) {
      await relay.kill9();
      killedMidway = true;
    } else await new Promise((r) => setTimeout(r, 5));
  }
  expect(killedMidway).toBe(true);
  expect([0, 4]).toContain((await syncA).code);

  relay = q.start(['relay', '--home', home('r')]);
  keepOutput('relay run 2', relay);
  await relay.waitForLine(/^ready$/);

  // B, online for the first time since joining, with only the relay to talk to. Meanwhile the
  // test derives the relay's room from A's keys for the hostile peers below.
  const [, room] = await Promise.all([
    (async () => {
      ok(await q.run(['sync', '--home', home('b'), ...c, '--timeout', '90']), 'sync B');
      const read = await q.run(['draft', 'read', '--home', home('b'), ...c, '--title', TITLE_7]);
      expect(ok(read).join('\n')).toBe(TEXT_7);
    })(),
    (async () => {
      const opened = await openHome(home('a'), pass);
      if (!opened.ok) throw new Error(opened.detail);
      const record = opened.value.records()[0]!;
      const secrets = deriveEpochSecrets(record.epochKeys.get(0)!, record.cellId, 0);
      await opened.value.close();
      return deriveRoomName(secrets.transportRoot, record.cellId, 0, 0);
    })(),
  ]);

  // Hostile traffic on the relay's room: a wrong-password y-webrtc peer and random bytes
  // published on its rendezvous topic.
  const wrong = await pool.spawn('tests/integration/transport/peer.ts', {
    name: 'wrong-password',
  });
  await wrong.request('join', {
    signaling: server.url,
    room,
    password: 'not the password',
    mode: 'raw',
    chunking: true,
  });
  const reached = await wrong.request<{ reached: boolean }>('waitStatus', {
    signalingConnected: true,
    roomReady: true,
  });
  expect(reached.reached).toBe(true);
  await publishJunk(server.url, room);

  // A syncs again: the relay, restarted, completes the large draft; B gets everything from it.
  ok(await q.run(['sync', '--home', home('a'), ...c, '--timeout', '90']), 'sync A again');
  ok(await q.run(['sync', '--home', home('b'), ...c, '--timeout', '90']), 'sync B again');
  expect(
    ok(await q.run(['draft', 'read', '--home', home('b'), ...c, '--title', TITLE_8])).join('\n'),
  ).toBe(TEXT_8);
  await publishJunk(server.url, room);
  await new Promise((r) => setTimeout(r, 500));
  expect((await relay.stop()).code).toBe(0);
  await wrong.request('close');

  // Blindness: nothing readable in the relay's home and output, nor in the members' homes.
  const needles = [
    CELL_NAME,
    ANNA,
    BORIS,
    TITLE_7,
    TITLE_8,
    ...TEXT_7.split('\n'),
    TEXT_8.split('\n')[0]!,
    'the river kept rising',
  ];
  const relayFiles = await filesUnder(home('r'));
  expect(relayFiles.map((f) => f.name)).toEqual([log]);
  expect(relayOutput).toHaveLength(2);
  expect(findLeaks([...relayFiles, ...relayOutput], needles)).toEqual([]);
  const memberFiles = [...(await filesUnder(home('a'))), ...(await filesUnder(home('b')))];
  expect(findLeaks(memberFiles, needles)).toEqual([]);
  // The scan itself finds what is there (a control, so the test can fail).
  expect(
    findLeaks(
      [{ name: 'control', bytes: Buffer.from(`x${Buffer.from(ANNA).toString('base64')}`) }],
      [ANNA],
    ),
  ).not.toEqual([]);
}
