import type { SignalServer } from '../node/signal/SignalServer.ts';
import type { PeerPool, PeerProcess } from '../tests/integration/transport/peerProcess.ts';

/** Long-lived peer processes, reused across scenarios (spawning one costs seconds here). */
export interface Fleet {
  readonly quire: readonly PeerProcess[];
  readonly plain: readonly PeerProcess[];
}

/** What every scenario gets from the runner. */
export interface BenchContext {
  readonly quick: boolean;
  readonly projectRoot: string;
  /** The project's rendezvous server on 127.0.0.1 (node/signal), shared by both systems. */
  readonly signalUrl: string;
  readonly signal: SignalServer;
  readonly pool: PeerPool;
  /** Six Quire and six plain peer processes, spawned on first use. */
  fleet(): Promise<Fleet>;
  /** The renderer built into bench/out/renderer (once); resolves with its directory. */
  rendererBuild(): Promise<string>;
  /** A scratch directory, removed at the end. */
  readonly tmpDir: string;
  log(line: string): void;
}

/** A scenario's output: the keys, plus details that explain them (all numbers). */
export interface ScenarioResult {
  readonly metrics: Readonly<Record<string, number>>;
  readonly details: Readonly<Record<string, number>>;
}

export const PEER_SCRIPT = 'bench/peers/benchPeer.ts';
export const FLEET_SIZE = 6;

/** Spawns `FLEET_SIZE` peers of each system, all at once. */
export async function spawnFleet(pool: PeerPool): Promise<Fleet> {
  const spawn = (name: string): Promise<PeerProcess> =>
    pool.spawn(PEER_SCRIPT, { name, readyTimeoutMs: 120_000 });
  const names = Array.from({ length: FLEET_SIZE }, (_, i) => i);
  const [quire, plain] = await Promise.all([
    Promise.all(names.map((i) => spawn(`quire-${i}`))),
    Promise.all(names.map((i) => spawn(`plain-${i}`))),
  ]);
  return { quire, plain };
}

/** Leaves whatever each peer had open (rooms, engines), so it can open again. */
export async function closeAll(peers: readonly PeerProcess[]): Promise<void> {
  await Promise.all(peers.map((p) => p.request('close', {}, 15_000).catch(() => undefined)));
}

/**
 * Opens peers one after another, `gapMs` apart: plain y-webrtc peers that join a room at the
 * same instant can glare and never connect (seen here); Quire's transport copes, but both
 * systems get the same treatment. The timed part of every scenario starts after this.
 */
export async function openStaggered(
  peers: readonly PeerProcess[],
  args: (i: number) => Record<string, unknown>,
  gapMs = 300,
): Promise<void> {
  for (let i = 0; i < peers.length; i++) {
    await peers[i]!.request('open', args(i), 60_000);
    if (i < peers.length - 1) await new Promise((r) => setTimeout(r, gapMs));
  }
}

/** Resolves once every peer sees at least `n` WebRTC peers; throws with diagnostics if not. */
export async function waitConnected(
  peers: readonly PeerProcess[],
  n: number,
  what: string,
): Promise<void> {
  const waited = await Promise.all(
    peers.map((p) =>
      p.request<{ reached: boolean }>('waitPeers', { peers: n, timeoutMs: 60_000 }, 70_000),
    ),
  );
  if (waited.every((w) => w.reached)) return;
  const diag = await Promise.all(peers.map((p) => p.request('diag').catch(() => ({}))));
  throw new Error(`${what}: not connected: ${JSON.stringify(diag)}`);
}
