/**
 * Test-side helpers for sync peers (syncPeer.ts) in their own processes: cells with a fixed or a
 * real roster, convergence waits, temp directories, and a per-peer diagnostics dump when a test
 * fails (engine counters, room status, transport and storage stats, the peer's log tail).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { PeerPool, PeerProcess } from '../transport/peerProcess.ts';

export const SYNC_PEER = 'tests/integration/sync/syncPeer.ts';

export interface Digest {
  readonly length: number;
  readonly hash: string;
}
export interface Reached extends Digest {
  readonly reached: boolean;
  readonly ms: number;
}
export interface PeerStatus {
  readonly reached?: boolean;
  readonly peers: number;
  readonly signalingConnected: boolean;
  readonly epoch: number;
  readonly generation: number;
  readonly unsynced: number;
  readonly wire: { generation: number; entries: number; bytes: number };
  readonly members?: number;
}
export interface Stored {
  readonly total: number;
  readonly scopes: Record<string, { entries: number; bytes: number }>;
}

export const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

export function spawnPeers(pool: PeerPool, names: readonly string[]): Promise<PeerProcess[]> {
  return Promise.all(names.map((name) => pool.spawn(SYNC_PEER, { name, readyTimeoutMs: 30_000 })));
}

/** Temp directories for file-backed stores; removeAll() after the peers are gone. */
export function tempDirs(): { make(name: string): Promise<string>; removeAll(): Promise<void> } {
  const roots: string[] = [];
  return {
    async make(name) {
      const root = await mkdtemp(join(tmpdir(), `quire-sync-${name}-`));
      roots.push(root);
      return join(root, 'store');
    },
    async removeAll() {
      await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
    },
  };
}

/** Each peer draws its own identity; returns the public signing keys (hex), in order. */
export async function identities(
  peers: readonly PeerProcess[],
  pseudonyms: readonly string[] = peers.map((p) => `Peer ${p.name}`),
): Promise<string[]> {
  const r = await Promise.all(
    peers.map((p, i) => p.request<{ signPk: string }>('identity', { pseudonym: pseudonyms[i] })),
  );
  return r.map((x) => x.signPk);
}

/** A fixed-roster cell: a random cell id and epoch-0 key, handed to each peer over stdin. */
export function fixedCell(signPks: readonly string[], signaling: string) {
  return {
    cellId: randomHex(16),
    epochKey: randomHex(32),
    members: signPks.map((signPk) => ({ signPk, role: 'writer' as const })),
    signaling,
  };
}

/**
 * A real roster: `coordinator` creates the cell named `name`; each joiner requests with an invite
 * secret, is admitted (its welcome body goes back to it) and opens the cell from its welcome.
 */
export async function runtimeCell(
  coordinator: PeerProcess,
  joiners: readonly PeerProcess[],
  opts: { name: string; signaling: string; dirs: readonly string[]; extra?: object },
): Promise<void> {
  const extra = opts.extra ?? {};
  await coordinator.request('createCell', {
    name: opts.name,
    signaling: opts.signaling,
    dir: opts.dirs[0],
    ...extra,
  });
  for (const [i, joiner] of joiners.entries()) {
    const { secret } = await coordinator.request<{ secret: string }>('invite');
    const { request } = await joiner.request<{ request: object }>('joinRequest', { secret });
    const { welcome } = await coordinator.request<{ welcome: string }>('admit', {
      secret,
      request,
    });
    await joiner.request('joinCell', { welcome, dir: opts.dirs[i + 1], ...extra });
  }
}

/** Waits until every peer has at least `peers` WebRTC peers (and the other conditions given). */
export async function waitAll(
  peers: readonly PeerProcess[],
  until: { peers?: number; generation?: number; members?: number },
  timeoutMs = 20_000,
): Promise<PeerStatus[]> {
  const r = await Promise.all(
    peers.map((p) =>
      p.request<PeerStatus>('waitStatus', { ...until, timeoutMs }, timeoutMs + 5_000),
    ),
  );
  r.forEach((s, i) =>
    expectTrue(s.reached === true, `${peers[i]!.name} reached ${JSON.stringify(until)}`, s),
  );
  return r;
}

/** Waits until every peer's text of `doc` has `length` chars, then checks they are identical. */
export async function converge(
  peers: readonly PeerProcess[],
  doc: string,
  length: number,
  timeoutMs = 20_000,
): Promise<Reached[]> {
  const r = await Promise.all(
    peers.map((p) =>
      p.request<Reached>('waitDigest', { doc, length, timeoutMs }, timeoutMs + 5_000),
    ),
  );
  r.forEach((d, i) => expectTrue(d.reached, `${peers[i]!.name} has all ${length} chars`, d));
  const hashes = new Set(r.map((d) => d.hash));
  expectTrue(hashes.size === 1, 'every peer holds the same text', r);
  return r;
}

function expectTrue(cond: boolean, what: string, detail: unknown): void {
  if (!cond) throw new Error(`expected: ${what}\n${JSON.stringify(detail)}`);
}

/** Every live peer's diagnostics, its escaped errors and its log tail, as one printable text. */
export async function diagnose(peers: readonly PeerProcess[]): Promise<string> {
  const parts = await Promise.all(
    peers.map(async (p) => {
      const diag =
        p.exitCode === null
          ? await p.request('diag', {}, 3_000).catch((e: unknown) => `diag failed: ${String(e)}`)
          : `exited with ${p.exitCode}`;
      const escaped = p.events.filter((e) => e.event !== 'ready');
      return [
        `--- ${p.name} (pid ${p.pid})`,
        JSON.stringify(diag),
        escaped.length > 0 ? `events: ${JSON.stringify(escaped)}` : 'events: none',
        ...p.logs.slice(-20),
      ].join('\n');
    }),
  );
  return parts.join('\n');
}

/**
 * For afterEach, before the peers are killed: prints every peer's diagnostics if the test failed,
 * by an assertion or by the test timeout (the timeout skips any catch inside the test).
 */
export async function printIfFailed(
  task: { readonly result?: { readonly state?: string } },
  peers: readonly PeerProcess[],
): Promise<void> {
  if (task.result?.state !== 'fail' || peers.length === 0) return;
  console.error(`sync peers at failure:\n${await diagnose(peers)}`);
}

/** Fails if any peer reported an error that got past the engine's and transport's containment. */
export function noEscapes(peers: readonly PeerProcess[]): void {
  for (const p of peers) {
    const bad = p.events.filter((e) => e.event !== 'ready');
    expectTrue(bad.length === 0, `${p.name} reported no escaped errors`, bad);
  }
}
