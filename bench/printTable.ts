import { TARGETS, verdict } from './targets.ts';

const KEY_ORDER = [
  'latency_p50_ms',
  'latency_p99_ms',
  'latency_plain_p50_ms',
  'latency_plain_p99_ms',
  'latency_p50_ratio',
  'remote_lag_p50_ms',
  'remote_lag_p95_ms',
  'remote_lag_plain_p50_ms',
  'remote_lag_plain_p95_ms',
  'remote_lag_p95_over_plain_ms',
  'seal_per_s',
  'open_per_s',
  'open_vs_verify_limit_ratio',
  'engine_overhead_ms',
  'crypto_limit_ms',
  'engine_vs_crypto_limit_ratio',
  'trace_envelopes',
  'wire_bytes',
  'wire_bytes_plain',
  'wire_bytes_ratio',
  'wire_padding_share',
  'wire_batching_share',
  'store_bytes_after_rollover',
  'store_bytes_plain',
  'store_bytes_ratio',
  'cold_open_ms',
  'cold_open_plain_ms',
  'cold_open_ratio',
  'cold_open_heap_mb',
  'cold_join_ms',
  'cold_join_plain_ms',
  'mesh_converge_ms_2',
  'mesh_converge_ms_6',
  'mesh_converge_ms_12',
  'mesh_converge_ms_24',
  'mesh_peer_heap_mb_2',
  'mesh_peer_heap_mb_6',
  'mesh_peer_heap_mb_12',
  'mesh_peer_heap_mb_24',
  'typing_p95_ms',
  'typing_p99_ms',
] as const;

export const RESULT_KEYS: readonly string[] = KEY_ORDER;

export function formatValue(v: unknown): string {
  if (typeof v !== 'number') return 'n/a';
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en');
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(2);
}

/** The results as a fixed-width table (stdout) and as Markdown rows (docs/BENCHMARKS.md). */
export function tableRows(results: Readonly<Record<string, unknown>>): string[][] {
  // Per-trace figures (every trace in the folder) and mesh sizes, by name, after the fixed keys.
  const named = Object.keys(results)
    .filter(
      (k) =>
        /^trace_.+_(txns|envelopes|ratio|share)$/.test(k) ||
        /^mesh_(converge_ms|peer_heap_mb)_\d+$/.test(k),
    )
    .filter((k) => !(KEY_ORDER as readonly string[]).includes(k))
    .sort();
  return [...KEY_ORDER, ...named].map((key) => {
    const t = TARGETS.find((x) => x.key === key);
    return [
      key,
      formatValue(results[key]),
      t ? `${t.op} ${t.value}` : '',
      t ? verdict(t, results) : '',
    ];
  });
}

export function printTable(results: Readonly<Record<string, unknown>>): string {
  const rows = [['key', 'value', 'target', 'verdict'], ...tableRows(results)];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

export function markdownTable(results: Readonly<Record<string, unknown>>): string {
  const rows = tableRows(results);
  return [
    '| key | value | target | verdict |',
    '| --- | ---: | --- | --- |',
    ...rows.map(
      (r) => `| \`${r[0]}\` | ${r[1]} | ${r[2]} | ${r[3] === 'FAIL' ? '**FAIL**' : r[3]} |`,
    ),
  ].join('\n');
}
