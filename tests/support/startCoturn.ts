/**
 * A real TURN server for tests: Debian's coturn (`turnserver`, installed by .ci/run), on
 * loopback only. It listens and relays on 127.0.0.1 and refuses to relay to any peer outside
 * 127.0.0.0/8, with one static long-term user. One per test file:
 *   const turn = await startCoturn();   // resolves once it answers a STUN binding request
 *   turn.iceServer                      // { urls: 'turn:127.0.0.1:<port>?transport=udp', username, credential }
 *   await turn.stop();                  // idempotent; resolves when the process has exited
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Coturn {
  readonly port: number;
  readonly username: string;
  readonly credential: string;
  readonly iceServer: {
    readonly urls: string;
    readonly username: string;
    readonly credential: string;
  };
  /** turnserver's output so far (shown when a test fails). */
  readonly logs: () => string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const USER = 'u';
const PASSWORD = 'p';
const REALM = 'quire';
/** Every IPv4 and IPv6 peer address but 127.0.0.0/8: never relay off this machine. */
const DENIED_PEERS = [
  '0.0.0.0-126.255.255.255',
  '128.0.0.0-255.255.255.255',
  '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
];

/** A port free for both TCP and UDP on 127.0.0.1 right now. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, HOST, () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, HOST, () => socket.close(() => resolve(true)));
    });
    if (port !== 0 && udpFree) return port;
  }
}

/** True once a STUN binding request to port gets a binding success response. */
function stunAnswers(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0); // Binding request, no attributes
    request.writeUInt32BE(0x2112a442, 4); // magic cookie
    randomBytes(12).copy(request, 8);
    const finish = (answered: boolean): void => {
      clearTimeout(timer);
      socket.close();
      resolve(answered);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('message', (m) => {
      if (
        m.length >= 20 &&
        m.readUInt16BE(0) === 0x0101 &&
        m.subarray(8, 20).equals(request.subarray(8, 20))
      )
        finish(true);
    });
    socket.once('error', () => finish(false));
    socket.send(request, port, HOST);
  });
}

function launch(port: number, dir: string): ChildProcess {
  const args = [
    '-n', // no config file: everything is on this line
    '--listening-ip',
    HOST,
    '--relay-ip',
    HOST,
    '--listening-port',
    String(port),
    '--user',
    `${USER}:${PASSWORD}`,
    '--lt-cred-mech',
    '--realm',
    REALM,
    '--no-cli',
    '--no-tls',
    '--no-dtls',
    '--allow-loopback-peers',
    ...DENIED_PEERS.flatMap((range) => ['--denied-peer-ip', range]),
    '--allowed-peer-ip',
    '127.0.0.0-127.255.255.255',
    '--userdb',
    join(dir, 'turndb'),
    '--pidfile',
    join(dir, 'turnserver.pid'),
    '--log-file',
    'stdout',
    '--simple-log',
  ];
  return spawn('turnserver', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts coturn on 127.0.0.1 at a free port; rejects if it is not installed or never answers. */
export async function startCoturn(readyTimeoutMs = 10_000): Promise<Coturn> {
  const dir = mkdtempSync(join(tmpdir(), 'quire-coturn-'));
  let output = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = launch(port, dir);
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', (e) => {
        output += `\n${String(e)}`;
        resolve();
      });
    });
    let gone = false;
    void exited.then(() => (gone = true));
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = performance.now() + readyTimeoutMs;
    let ready = false;
    while (!gone && !ready && performance.now() < deadline) ready = await stunAnswers(port, 200);
    if (ready) {
      let stopped: Promise<void> | undefined;
      const stop = (): Promise<void> => {
        stopped ??= (async () => {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
          await exited;
          clearTimeout(timer);
          rmSync(dir, { recursive: true, force: true });
        })();
        return stopped;
      };
      const urls = `turn:${HOST}:${port}?transport=udp`;
      return {
        port,
        username: USER,
        credential: PASSWORD,
        iceServer: { urls, username: USER, credential: PASSWORD },
        logs: () => output,
        stop,
      };
    }
    child.kill('SIGKILL');
    await exited;
    // Not installed: no point retrying.
    if (output.includes('ENOENT')) break;
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`coturn did not start (is the coturn package installed?)\n${output}`);
}
