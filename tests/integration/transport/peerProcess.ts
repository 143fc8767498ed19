/**
 * Child-process peers for integration tests (transport, sync, CLI).
 *
 * y-webrtc allows one room per name per JS context, so each peer of a multi-peer test runs in its
 * own Node process (`node --import tsx <script>`), driven over stdio with JSON lines:
 *   parent -> child   {"id": 1, "cmd": "join", ...args}
 *   child -> parent   {"id": 1, "ok": true, ...result}  or  {"id": 1, "ok": false, "error": "..."}
 *                     {"event": "ready"} once, then any {"event": "<name>", ...fields}
 * Any other stdout line, and all of stderr, is kept as a log line (shown when a wait fails).
 * The child side is runPeerChild.ts; tests/integration/transport/peer.ts is the transport peer.
 *
 * API
 *   const pool = createPeerPool();            // one per test file
 *   afterEach(() => pool.closeAll());         // kills every child spawned through the pool
 *   const a = await pool.spawn(script, { name: 'A', args, env });   // resolves on {"event":"ready"}
 *   const r = await a.request<{ hash: string }>('digest', {}, 10_000); // rejects on ok:false,
 *                                             // timeout or exit; resolves with the reply fields
 *   const e = await a.waitForEvent('unhandledRejection', (e) => ..., 5_000); // past events count
 *   a.events, a.logs, a.exitCode (null while running), await a.exited, await a.kill()
 * kill() sends SIGTERM, then SIGKILL after 2 s. Children still alive when the test process exits
 * are SIGKILLed, and a child exits by itself when its stdin closes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type PeerEvent = { readonly event: string } & Record<string, unknown>;
export type Reply = Record<string, unknown>;

export interface SpawnOptions {
  /** Shown in errors and logs. */
  readonly name?: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly readyTimeoutMs?: number;
}

export interface PeerProcess {
  readonly name: string;
  readonly pid: number;
  readonly events: readonly PeerEvent[];
  readonly logs: readonly string[];
  readonly exitCode: number | null;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  request<T extends object = Reply>(cmd: string, args?: Reply, timeoutMs?: number): Promise<T>;
  waitForEvent(
    event: string,
    predicate?: (e: PeerEvent) => boolean,
    timeoutMs?: number,
  ): Promise<PeerEvent>;
  kill(): Promise<void>;
}

export interface PeerPool {
  spawn(script: string, options?: SpawnOptions): Promise<PeerProcess>;
  closeAll(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

interface Pending {
  readonly resolve: (r: Reply) => void;
  readonly reject: (e: Error) => void;
}

interface Waiter {
  readonly event: string;
  readonly predicate: (e: PeerEvent) => boolean;
  readonly resolve: (e: PeerEvent) => void;
}

function startPeer(script: string, options: SpawnOptions): Promise<PeerProcess> {
  const name = options.name ?? script;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  const events: PeerEvent[] = [];
  const logs: string[] = [];
  const pending = new Map<number, Pending>();
  const waiters = new Set<Waiter>();
  let nextId = 1;
  let exitCode: number | null = null;
  let gone = false;

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      gone = true;
      exitCode = code;
      live.delete(child);
      for (const p of pending.values())
        p.reject(new Error(`${name} exited (${code ?? signal}) before replying\n${tail()}`));
      pending.clear();
      resolve({ code, signal });
    });
  });
  const tail = (): string => logs.slice(-30).join('\n');

  const onLine = (line: string): void => {
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      logs.push(line);
      return;
    }
    if (typeof msg !== 'object' || msg === null) {
      logs.push(line);
      return;
    }
    const m = msg as Record<string, unknown>;
    if (typeof m.id === 'number' && pending.has(m.id)) {
      const p = pending.get(m.id)!;
      pending.delete(m.id);
      if (m.ok === true) p.resolve(m);
      else p.reject(new Error(`${name}: ${String(m.error)}\n${tail()}`));
    } else if (typeof m.event === 'string') {
      const e = m as PeerEvent;
      events.push(e);
      for (const w of [...waiters])
        if (w.event === e.event && w.predicate(e)) {
          waiters.delete(w);
          w.resolve(e);
        }
    } else {
      logs.push(line);
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', (l) => logs.push(`[stderr] ${l}`));
  child.stdin.on('error', () => undefined);

  const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`${name}: ${what} timed out after ${ms} ms\n${tail()}`)),
        ms,
      );
      p.then(
        (v) => {
          clearTimeout(t);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(t);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });

  const peer: PeerProcess = {
    name,
    pid: child.pid ?? -1,
    events,
    logs,
    get exitCode() {
      return exitCode;
    },
    exited,
    request<T extends object = Reply>(
      cmd: string,
      args: Reply = {},
      timeoutMs = 20_000,
    ): Promise<T> {
      if (gone) return Promise.reject(new Error(`${name} has exited\n${tail()}`));
      const id = nextId++;
      const reply = new Promise<Reply>((resolve, reject) => pending.set(id, { resolve, reject }));
      child.stdin.write(`${JSON.stringify({ ...args, id, cmd })}\n`);
      return withTimeout(reply, timeoutMs, `request ${cmd}`).finally(() =>
        pending.delete(id),
      ) as Promise<T>;
    },
    waitForEvent(event, predicate = () => true, timeoutMs = 20_000) {
      const seen = events.find((e) => e.event === event && predicate(e));
      if (seen !== undefined) return Promise.resolve(seen);
      let waiter: Waiter | undefined;
      const p = new Promise<PeerEvent>((resolve) => {
        waiter = { event, predicate, resolve };
        waiters.add(waiter);
      });
      return withTimeout(p, timeoutMs, `event ${event}`).finally(() => waiters.delete(waiter!));
    },
    async kill() {
      if (gone) return;
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(hard);
    },
  };

  const readyMs = options.readyTimeoutMs ?? 20_000;
  const died = exited.then(({ code, signal }) => {
    throw new Error(`${name} exited (${code ?? signal}) before it was ready\n${tail()}`);
  });
  return Promise.race([peer.waitForEvent('ready', undefined, readyMs), died])
    .then(() => peer)
    .catch(async (e: unknown) => {
      await peer.kill();
      throw e;
    });
}

export function createPeerPool(): PeerPool {
  const peers = new Set<PeerProcess>();
  return {
    async spawn(script, options = {}) {
      const peer = await startPeer(script, options);
      peers.add(peer);
      return peer;
    },
    async closeAll() {
      const all = [...peers];
      peers.clear();
      await Promise.all(all.map((p) => p.kill()));
    },
  };
}
