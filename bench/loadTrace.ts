import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One transaction of an editing trace: patches are [position, deleteCount, insertText]. */
export interface TraceTxn {
  readonly time: number;
  readonly patches: ReadonlyArray<readonly [number, number, string]>;
}

export interface Trace {
  readonly name: string;
  readonly txns: readonly TraceTxn[];
  readonly endContent: string;
}

const MAX_TRACE_BYTES = 64 * 1024 * 1024;

/**
 * The shared traces folder (Joseph Gentle's editing-traces, CC BY 4.0): `../shared/traces`
 * beside the checkout, or QUIRE_TRACES_DIR.
 */
export function tracesDir(projectRoot: string): string {
  return process.env['QUIRE_TRACES_DIR'] ?? resolve(projectRoot, '../shared/traces');
}

function fail(name: string, why: string): never {
  throw new Error(`trace ${name}: ${why}`);
}

/**
 * Loads and checks a gzip'd trace ({startContent, endContent, txns: [{time, patches}]}).
 * Returns undefined when the file is absent (the caller skips with a message).
 */
export function loadTrace(projectRoot: string, name: string): Trace | undefined {
  const path = resolve(tracesDir(projectRoot), `${name}.json.gz`);
  if (!existsSync(path)) return undefined;
  const raw = gunzipSync(readFileSync(path), { maxOutputLength: MAX_TRACE_BYTES });
  const data = JSON.parse(raw.toString('utf8')) as unknown;
  if (typeof data !== 'object' || data === null) fail(name, 'not an object');
  const { startContent, endContent, txns } = data as Record<string, unknown>;
  if (startContent !== '' || typeof endContent !== 'string') fail(name, 'bad start/end content');
  if (!Array.isArray(txns)) fail(name, 'no txns');
  const out: TraceTxn[] = [];
  for (const t of txns as unknown[]) {
    const { time, patches } = (t ?? {}) as Record<string, unknown>;
    const ms = typeof time === 'string' ? Date.parse(time) : Number.NaN;
    if (!Number.isFinite(ms) || !Array.isArray(patches)) fail(name, 'bad txn');
    for (const p of patches as unknown[]) {
      if (
        !Array.isArray(p) ||
        p.length !== 3 ||
        !Number.isSafeInteger(p[0]) ||
        !Number.isSafeInteger(p[1]) ||
        typeof p[2] !== 'string'
      )
        fail(name, 'bad patch');
    }
    out.push({ time: ms, patches: patches as TraceTxn['patches'] });
  }
  return { name, txns: out, endContent };
}

/** The first `n` transactions of a trace (its end content is then unknown: checked elsewhere). */
export function tracePrefix(trace: Trace, n: number): Trace {
  if (n >= trace.txns.length) return trace;
  return { name: `${trace.name}[0..${n})`, txns: trace.txns.slice(0, n), endContent: '' };
}

/** The names of every trace in the traces folder (`<name>.json.gz`), sorted; none if it is absent. */
export function traceNames(projectRoot: string): string[] {
  const dir = tracesDir(projectRoot);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .map((f) => f.slice(0, -'.json.gz'.length))
    .filter((n) => /^[A-Za-z0-9._-]+$/.test(n))
    .sort();
}

/** A trace's name as a results key fragment: lowercase letters, digits and underscores. */
export const traceKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
