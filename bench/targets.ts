/** The targets: printed as pass/fail, never failing the build. */
export interface Target {
  readonly key: string;
  readonly op: '<=' | '>=' | '<';
  readonly value: number;
  readonly label: string;
  /** For the chart: the Quire figure and its baseline (a bar pair), when the target is a ratio. */
  readonly pair?: { readonly quire: string; readonly baseline: string; readonly unit: string };
  /** A detail that must be 1 for a pass whatever the value (the figure was taken under a workaround). */
  readonly requires?: string;
}

export const TARGETS: readonly Target[] = [
  { key: 'remote_lag_p95_ms', op: '<=', value: 300, label: 'Remote lag p95, 80 ms RTT (ms)' },
  {
    key: 'remote_lag_p95_over_plain_ms',
    op: '<=',
    value: 150,
    label: 'Remote lag p95 above y-webrtc (ms)',
  },
  {
    key: 'engine_vs_crypto_limit_ratio',
    op: '<=',
    value: 2,
    label: 'Engine per envelope (vs crypto limit)',
    pair: { quire: 'engine_overhead_ms', baseline: 'crypto_limit_ms', unit: 'ms' },
  },
  {
    key: 'open_vs_verify_limit_ratio',
    op: '>=',
    value: 0.7,
    label: 'Envelope opens/s (vs Ed25519 verify/s)',
    pair: { quire: 'open_per_s', baseline: 'verify_limit_per_s', unit: '/s' },
  },
  {
    key: 'wire_bytes_ratio',
    op: '<=',
    value: 5,
    label: 'Wire bytes, trace (vs plain Yjs updates; guard)',
    pair: { quire: 'wire_bytes', baseline: 'wire_bytes_plain', unit: 'B' },
  },
  {
    key: 'store_bytes_ratio',
    op: '<=',
    value: 1.5,
    label: 'Stored bytes after rollover (vs Yjs state)',
    pair: { quire: 'store_bytes_after_rollover', baseline: 'store_bytes_plain', unit: 'B' },
  },
  {
    key: 'cold_open_ratio',
    op: '<=',
    value: 1.5,
    label: 'Cold open (vs plain Yjs load)',
    pair: { quire: 'cold_open_ms', baseline: 'cold_open_plain_ms', unit: 'ms' },
  },
  { key: 'cold_open_ms', op: '<', value: 1000, label: 'Cold open (ms)' },
  {
    key: 'cold_join_ms',
    op: '<',
    value: 3000,
    label: 'Cold join (ms)',
    requires: 'cold_join_with_default_server',
  },
  { key: 'typing_p95_ms', op: '<', value: 16, label: 'Keystroke to paint p95 (ms)' },
];

export type Verdict = 'pass' | 'FAIL' | 'n/a';

export function verdict(t: Target, results: Readonly<Record<string, unknown>>): Verdict {
  const v = results[t.key];
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'n/a';
  if (t.requires !== undefined && results[t.requires] === 0) return 'FAIL';
  if (t.op === '<=') return v <= t.value ? 'pass' : 'FAIL';
  if (t.op === '>=') return v >= t.value ? 'pass' : 'FAIL';
  return v < t.value ? 'pass' : 'FAIL';
}
