/**
 * `npm run bench [-- --quick] [-- --only a,b] [-- --out dir]`: Quire against plain Yjs and plain
 * y-webrtc, side by side, on the automerge-paper editing trace (docs/BENCHMARKS.md). Prints a
 * table with pass/fail against the targets (never fails the build on a miss) and writes
 * results.json and results.svg: into bench/ for a full run, into bench/out/ for --quick.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSignalServer } from '../node/signal/SignalServer.ts';
import { sodiumReady } from '../shared/crypto/sodium.ts';
import { createPeerPool } from '../tests/integration/transport/peerProcess.ts';
import { spawnFleet, type BenchContext, type Fleet, type ScenarioResult } from './BenchContext.ts';
import { loadTrace, traceKey, traceNames, tracePrefix, tracesDir } from './loadTrace.ts';
import { currentLoad, machineInfo } from './machineInfo.ts';
import { printTable } from './printTable.ts';
import { renderChart } from './renderChart.ts';
import { updateDocs } from './updateDocs.ts';
import { buildRenderer } from './webServer.ts';
import { coldJoin } from './scenarios/coldJoin.ts';
import { coldOpen } from './scenarios/coldOpen.ts';
import { coldOpenBrowser } from './scenarios/coldOpenBrowser.ts';
import { editLatency } from './scenarios/editLatency.ts';
import { mesh } from './scenarios/mesh.ts';
import { remoteLag } from './scenarios/remoteLag.ts';
import { sealOpen } from './scenarios/sealOpen.ts';
import { traceReplay, type ReplayedDoc } from './scenarios/traceReplay.ts';
import { typing } from './scenarios/typing.ts';
import { round } from './stats.ts';
import { TARGETS, verdict } from './targets.ts';
import { humanTyping } from './typingModel.ts';

const SCENARIOS = [
  'seal',
  'trace',
  'traces',
  'coldopen',
  'latency',
  'remotelag',
  'coldjoin',
  'mesh',
  'typing',
] as const;
type Scenario = (typeof SCENARIOS)[number];
/** --quick replays this many transactions of the trace instead of all 259,778. */
const QUICK_TXNS = 12_000;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});
const quick = values.quick === true;
const only = new Set((values.only ?? SCENARIOS.join(',')).split(',') as Scenario[]);
const projectRoot = resolve(import.meta.dirname, '..');
const outDir = resolve(
  values.out ?? (quick ? join(projectRoot, 'bench/out') : join(projectRoot, 'bench')),
);

const started = performance.now();
const log = (line: string): void => console.log(line);
const machine = machineInfo();
const results: Record<string, number> = {};
const details: Record<string, number> = {};
const errors: Record<string, string> = {};

await sodiumReady();
const signal = await startSignalServer({ host: '127.0.0.1', port: 0 });
const pool = createPeerPool();
const tmpDir = await mkdtemp(join(tmpdir(), 'quire-bench-'));
let fleet: Promise<Fleet> | undefined;
let renderer: Promise<string> | undefined;
const ctx: BenchContext = {
  quick,
  projectRoot,
  signalUrl: signal.url,
  signal,
  pool,
  tmpDir,
  log,
  fleet: () => (fleet ??= spawnFleet(pool)),
  rendererBuild: () => (renderer ??= buildRenderer(projectRoot)),
};
if (quick) {
  // A smoke check, not a measurement: spawn the peers and build the renderer while the
  // in-process scenarios run (full runs never overlap work with a timed scenario).
  void ctx.fleet().catch(() => undefined);
  if (only.has('typing')) void ctx.rendererBuild().catch(() => undefined);
}
log(
  `Quire bench (${quick ? 'quick' : 'full'}): ${machine.cores} cores, ${machine.cpu_model}, Node ${machine.node}, load ${machine.load_avg_start}`,
);

async function step(name: Scenario, fn: () => Promise<ScenarioResult | undefined>): Promise<void> {
  if (!only.has(name)) return;
  const t0 = performance.now();
  log(`- ${name}`);
  try {
    const r = await fn();
    if (r) {
      Object.assign(results, r.metrics);
      Object.assign(details, r.details);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    errors[name] = message.split('\n')[0]!;
    // The first lines carry the failing peer's own log tail (peerProcess.ts).
    log(`  ${name} failed: ${message.split('\n').slice(0, 25).join('\n    ')}`);
  } finally {
    details[`time_${name}_s`] = (performance.now() - t0) / 1000;
  }
}

const needsTrace = ['trace', 'traces', 'coldopen', 'coldjoin', 'typing', 'remotelag'] as const;
const fullTrace = needsTrace.some((s) => only.has(s))
  ? loadTrace(projectRoot, 'automerge-paper')
  : undefined;
let replayed: ReplayedDoc | undefined;
/** The main trace's replay, reused by the per-trace step. */
let mainReplay: Awaited<ReturnType<typeof traceReplay>>['metrics'] | undefined;
/** --quick replays this many transactions of each further trace. */
const QUICK_OTHER_TXNS = 3_000;
try {
  await step('seal', () => sealOpen(ctx));
  await step('trace', async () => {
    if (!fullTrace) {
      log(`  skipped: no trace at ${tracesDir(projectRoot)} (set QUIRE_TRACES_DIR)`);
      return undefined;
    }
    const trace = quick ? tracePrefix(fullTrace, QUICK_TXNS) : fullTrace;
    const r = await traceReplay(trace, humanTyping());
    replayed = r.doc;
    mainReplay = r.metrics;
    log(`  ${r.metrics.trace_envelopes} envelopes for ${trace.txns.length} transactions`);
    return r;
  });
  await step('traces', async () => {
    // Every trace in the folder through the same replay, each reported by name.
    const metrics: Record<string, number> = {};
    for (const name of traceNames(projectRoot)) {
      const main = name === 'automerge-paper';
      const full = main ? fullTrace : loadTrace(projectRoot, name);
      if (!full) continue;
      const trace = quick ? tracePrefix(full, main ? QUICK_TXNS : QUICK_OTHER_TXNS) : full;
      const r = {
        metrics: (main && mainReplay) || (await traceReplay(trace, humanTyping())).metrics,
      };
      const k = (s: string): string => `trace_${traceKey(name)}_${s}`;
      Object.assign(metrics, {
        [k('txns')]: trace.txns.length,
        [k('envelopes')]: r.metrics.trace_envelopes,
        [k('wire_bytes_ratio')]: r.metrics.wire_bytes_ratio,
        [k('padding_share')]: r.metrics.wire_padding_share,
        [k('store_bytes_ratio')]: r.metrics.store_bytes_ratio,
      });
      log(
        `  ${name}: ${trace.txns.length} transactions, wire ×${r.metrics.wire_bytes_ratio.toFixed(2)}`,
      );
    }
    if (Object.keys(metrics).length === 0) log(`  skipped: no traces at ${tracesDir(projectRoot)}`);
    return { metrics, details: {} };
  });
  await step('coldopen', async () => {
    if (!replayed) return undefined;
    const node = await coldOpen(ctx, replayed);
    // The Chromium case (real IndexedDB) costs a Vite build and a browser: full runs only.
    const browser = quick ? {} : await coldOpenBrowser(ctx, replayed);
    return { metrics: node.metrics, details: { ...node.details, ...browser } };
  });
  await step('latency', () => editLatency(ctx));
  await step('remotelag', async () =>
    fullTrace ? remoteLag(ctx, fullTrace.endContent) : undefined,
  );
  await step('coldjoin', async () => (replayed ? coldJoin(ctx, replayed) : undefined));
  await step('mesh', () => mesh(ctx));
  await step('typing', () => typing(ctx, fullTrace?.endContent));
} finally {
  await pool.closeAll();
  await signal.close();
  await rm(tmpDir, { recursive: true, force: true });
}

machine.load_avg_end = currentLoad();
const rounded = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, round(v)]));
const output = {
  ...rounded,
  machine,
  meta: {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    duration_s: round((performance.now() - started) / 1000, 1),
    trace: quick ? `automerge-paper, first ${QUICK_TXNS} transactions` : 'automerge-paper',
    typing_model: humanTyping().name,
    errors,
  },
  targets: TARGETS.map((t) => ({
    key: t.key,
    op: t.op,
    value: t.value,
    verdict: verdict(t, { ...details, ...rounded }),
  })),
  details: Object.fromEntries(Object.entries(details).map(([k, v]) => [k, round(v)])),
};
await mkdir(outDir, { recursive: true });
const jsonPath = join(outDir, 'results.json');
const svgPath = join(outDir, 'results.svg');
await writeFile(jsonPath, `${JSON.stringify(output, null, 2)}\n`);
const subtitle = `${output.meta.mode} run ${output.meta.date.slice(0, 16)}Z · ${machine.cores} cores ${machine.cpu_model} · Node ${machine.node} · load ${machine.load_avg_start}→${machine.load_avg_end}`;
await writeFile(svgPath, renderChart({ ...rounded, ...output.details }, subtitle));
log('');
log(printTable({ ...output.details, ...rounded }));
if (
  !quick &&
  values.out === undefined &&
  Object.keys(errors).length === 0 &&
  only.size === SCENARIOS.length
) {
  const docs = join(projectRoot, 'docs/BENCHMARKS.md');
  if (await updateDocs(docs, { ...output.details, ...rounded }, `_${subtitle}_`))
    log(`updated ${relative(projectRoot, docs)}`);
}
log('');
log(
  `${Object.keys(errors).length === 0 ? 'all scenarios ran' : `failed: ${Object.keys(errors).join(', ')}`}; ${output.meta.duration_s} s; wrote ${relative(projectRoot, jsonPath)}, ${relative(projectRoot, svgPath)}`,
);
