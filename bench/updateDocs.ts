import { readFile, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { formatValue, markdownTable } from './printTable.ts';

const START = '<!-- results:start (written by npm run bench) -->';
const END = '<!-- results:end -->';

/** Extra figures the explanations in docs/BENCHMARKS.md refer to. */
const NOTED: readonly [string, string][] = [
  ['latency_stage_quire_send_a_ms', 'latency stage: A edit to wire update, Quire (ms)'],
  ['latency_stage_plain_send_a_ms', 'latency stage: A edit to doc update, plain (ms)'],
  ['latency_stage_quire_recv_b_ms', 'latency stage: B receipt to text, Quire (ms)'],
  ['latency_stage_plain_recv_b_ms', 'latency stage: B receipt to text, plain (ms)'],
  ['latency_stage_quire_net_ab_ms', 'latency stage: A to B over WebRTC, Quire (ms)'],
  ['latency_stage_plain_net_ab_ms', 'latency stage: A to B over WebRTC, plain (ms)'],
  ['latency_stage_quire_echo_b_ms', 'latency stage: B text to answer (re-broadcast), Quire (ms)'],
  ['latency_stage_plain_echo_b_ms', 'latency stage: B text to answer (re-broadcast), plain (ms)'],
  ['latency_in_process_p50_ms', 'engine round trip, in process, no network (ms)'],
  ['latency_plain_in_process_p50_ms', 'plain Yjs round trip, in process (ms)'],
  ['engine_round_trip_cpu_ms', 'engine round trip in process, CPU time (ms)'],
  ['engine_round_trip_plain_cpu_ms', 'plain Yjs round trip in process, CPU time (ms)'],
  ['verify_limit_per_s', 'Ed25519 verify, libsodium (per CPU s)'],
  ['sign_limit_per_s', 'Ed25519 sign, libsodium (per CPU s)'],
  ['aead_seal_per_s', 'XChaCha20-Poly1305 seal, libsodium (per CPU s)'],
  ['aead_open_per_s', 'XChaCha20-Poly1305 open, libsodium (per CPU s)'],
  ['remote_lag_rtt_ms', 'remote lag: simulated round trip (ms)'],
  ['remote_lag_keystrokes', 'remote lag: keystrokes typed per system'],
  ['remote_lag_max_ms', 'remote lag: slowest keystroke, Quire (ms)'],
  ['remote_lag_plain_max_ms', 'remote lag: slowest keystroke, y-webrtc (ms)'],
  ['keystrokes_per_envelope', 'trace: keystrokes per envelope'],
  ['wire_sealed_bytes', 'trace: sealed bytes of all envelopes'],
  ['automatic_rollovers', 'trace: rollovers during the replay'],
  ['store_bytes_with_checkpoint', 'store after rollover, with the local checkpoint (B)'],
  ['model_app_wire_ratio', 'model: app batching, updates only (wire ratio)'],
  ['model_app_no_floor_wire_ratio', 'model: app batching, no 256-byte floor (wire ratio)'],
  ['model_fixed_300ms_wire_ratio', 'model: fixed 300 ms windows (wire ratio)'],
  ['model_adaptive_max2s_wire_ratio', 'model: adaptive, windows up to 2 s (wire ratio)'],
  ['model_adaptive_max5s_wire_ratio', 'model: adaptive, windows up to 5 s (wire ratio)'],
  ['cold_open_cpu_ms', 'cold open, CPU time (ms)'],
  ['cold_open_plain_cpu_ms', 'cold open plain, CPU time (ms)'],
  ['cold_open_browser_ms', 'cold open in Chromium IndexedDB (ms)'],
  ['cold_open_browser_plain_ms', 'cold open plain in Chromium (ms)'],
  ['cold_open_browser_ratio', 'cold open ratio in Chromium'],
  ['cold_join_with_default_server', 'cold join completes with the default rendezvous limits (1/0)'],
  ['cold_join_topics_refused', 'topics the default server refused the joiner'],
  ['mesh_converge_plain_ms_2', 'mesh 2, plain y-webrtc (ms)'],
  ['mesh_converge_plain_ms_6', 'mesh 6, plain y-webrtc (ms)'],
  ['mesh_process_heap_mb_2', 'mesh 2, live heap of one Quire peer process (MB)'],
  ['mesh_process_heap_mb_6', 'mesh 6, live heap of one Quire peer process (MB)'],
  ['mesh_sim_converge_ms_2', 'mesh 2 in process (ms)'],
  ['mesh_sim_converge_ms_6', 'mesh 6 in process (ms)'],
  ['mesh_sim_converge_ms_12', 'mesh 12 in process (ms)'],
  ['mesh_sim_converge_ms_24', 'mesh 24 in process (ms)'],
  ['typing_p50_ms', 'typing p50 (ms)'],
  ['typing_control_p95_ms', 'bare textarea p95, same browser (ms)'],
  ['typing_control_p99_ms', 'bare textarea p99 (ms)'],
  ['typing_draft_chars', 'characters in the draft'],
];

/** Rewrites the results section of docs/BENCHMARKS.md (full runs only). */
export async function updateDocs(
  path: string,
  all: Readonly<Record<string, unknown>>,
  machine: string,
): Promise<boolean> {
  let doc: string;
  try {
    doc = await readFile(path, 'utf8');
  } catch {
    return false;
  }
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) return false;
  const details = NOTED.filter(([k]) => typeof all[k] === 'number').map(
    ([k, label]) => `| ${label} | \`${k}\` | ${formatValue(all[k])} |`,
  );
  const section = [
    START,
    '',
    machine,
    '',
    markdownTable(all),
    '',
    '| supporting figure | key | value |',
    '| --- | --- | ---: |',
    ...details,
    '',
    END,
  ].join('\n');
  const next = doc.slice(0, a) + section + doc.slice(b + END.length);
  // Formatted as `npm run lint` expects (prettier --check .), so a run never leaves a lint error.
  const options = { ...(await resolveConfig(path)), filepath: path };
  await writeFile(path, await format(next, options));
  return true;
}
