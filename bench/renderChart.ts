import { TARGETS, verdict, type Target } from './targets.ts';

type Results = Readonly<Record<string, unknown>>;

const W = 980;
const LABEL_W = 300;
const X0 = LABEL_W + 10;
const X1 = W - 250;
/** Value labels sit in their own column right of the bars, clear of the target lines. */
const XL = X1 + 12;
const ROW = 46;
const PASS = '#2e7d32';
const FAIL = '#c62828';
const BASE = '#9e9e9e';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (r: Results, k: string): number | undefined => {
  const v = r[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

function fmt(v: number, unit: string): string {
  if (unit === 'B') return v >= 1e6 ? `${(v / 1e6).toFixed(2)} MB` : `${(v / 1e3).toFixed(1)} kB`;
  if (unit === '/s') return `${Math.round(v).toLocaleString('en')}/s`;
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${unit}`;
}

/** Log2 scale for ratios: 1/4 .. 16. */
const LOG_MIN = -2;
const LOG_MAX = 4;
const xr = (ratio: number): number => {
  const l = Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log2(ratio)));
  return X0 + ((l - LOG_MIN) / (LOG_MAX - LOG_MIN)) * (X1 - X0);
};

function bar(y: number, x2: number, h: number, fill: string, text: string, x1 = X0): string {
  return (
    `<rect x="${x1}" y="${y}" width="${Math.max(1, x2 - x1).toFixed(1)}" height="${h}" fill="${fill}"/>` +
    `<text x="${XL}" y="${y + h - 2}" class="v">${esc(text)}</text>`
  );
}

function targetLine(x: number, y: number, label: string): string {
  return (
    `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y - 4}" y2="${y + 34}" class="t"/>` +
    `<text x="${(x + 3).toFixed(1)}" y="${y - 6}" class="tl">${esc(label)}</text>`
  );
}

function ratioRow(t: Target, r: Results, y: number): string {
  const pair = t.pair!;
  const ratio = num(r, t.key);
  const q = num(r, pair.quire);
  const b = num(r, pair.baseline);
  const v = verdict(t, r);
  let out = `<text x="10" y="${y + 14}" class="l">${esc(t.label)}</text>`;
  out += `<text x="10" y="${y + 30}" class="s">${esc(t.key)}: ${ratio === undefined ? 'n/a' : ratio.toFixed(2)} (${v})</text>`;
  if (ratio === undefined || b === undefined || q === undefined) return out;
  out += bar(y + 4, xr(1), 11, BASE, `baseline ${fmt(b, pair.unit)}`);
  out += bar(
    y + 18,
    xr(ratio),
    14,
    v === 'pass' ? PASS : FAIL,
    `Quire ${fmt(q, pair.unit)}  ×${ratio.toFixed(2)}`,
  );
  out += targetLine(xr(t.value), y + 2, `target ${t.op} ${t.value}`);
  return out;
}

function absoluteRow(
  t: Target,
  r: Results,
  y: number,
  baseline?: { key: string; label: string },
): string {
  const v = num(r, t.key);
  const b = baseline ? num(r, baseline.key) : undefined;
  const max = Math.max(t.value, v ?? 0, b ?? 0) * 1.15;
  const x = (value: number): number => X0 + (value / max) * (X1 - X0);
  const verdictText = verdict(t, r);
  const why = t.requires !== undefined && r[t.requires] === 0 ? ', default limits' : '';
  let out = `<text x="10" y="${y + 14}" class="l">${esc(t.label)}</text>`;
  out += `<text x="10" y="${y + 30}" class="s">${esc(t.key)} (${verdictText}${why})</text>`;
  if (v === undefined) return out;
  if (b !== undefined && baseline)
    out += bar(y + 4, x(b), 11, BASE, `${baseline.label} ${fmt(b, 'ms')}`);
  out += bar(y + 18, x(v), 14, verdictText === 'pass' ? PASS : FAIL, `Quire ${fmt(v, 'ms')}`);
  out += targetLine(x(t.value), y + 2, `target ${t.op} ${t.value} ms`);
  return out;
}

const MESH_SIZES = [2, 6, 12, 24];
const MESH_H = 220;

/** Convergence time against mesh size (linear axes): in-process curve, real-process points. */
function meshCurve(r: Results, top: number): string {
  const series = [
    {
      key: 'mesh_sim_converge_ms_',
      label: 'Quire, in process',
      color: PASS,
      line: true,
      real: false,
    },
    {
      key: 'mesh_converge_plain_ms_',
      label: 'y-webrtc, processes',
      color: BASE,
      line: false,
      real: true,
    },
    // Drawn last, over y-webrtc's points. Sizes past the fleet are simulated under the same key: only sizes run as processes here.
    {
      key: 'mesh_converge_ms_',
      label: 'Quire, WebRTC processes',
      color: '#1565c0',
      line: false,
      real: true,
    },
  ];
  const values = series.flatMap((s) => MESH_SIZES.map((n) => num(r, `${s.key}${n}`) ?? 0));
  const max = Math.max(1000, ...values) * 1.1;
  const x = (n: number): number => X0 + (n / 24) * (X1 - X0);
  const y = (ms: number): number => top + MESH_H - (ms / max) * MESH_H;
  const out = [
    `<text x="10" y="${top - 18}" class="h">Mesh: time until every member holds the same text</text>`,
    `<line x1="${X0}" x2="${X1}" y1="${y(0)}" y2="${y(0)}" class="g"/>`,
    `<text x="10" y="${top + 14}" class="s">members → (x), ms ↑ (y, 0 to ${Math.round(max).toLocaleString('en')})</text>`,
    `<text x="10" y="${top + MESH_H + 30}" class="s">live heap per member, in process:</text>`,
  ];
  for (const n of MESH_SIZES) {
    out.push(`<text x="${x(n) - 6}" y="${y(0) + 16}" class="gl">${n}</text>`);
    const heap = num(r, `mesh_peer_heap_mb_${n}`);
    if (heap !== undefined)
      out.push(`<text x="${x(n) - 14}" y="${y(0) + 30}" class="gl">${heap.toFixed(2)} MB</text>`);
  }
  series.forEach((s, i) => {
    const pts = MESH_SIZES.flatMap((n) => {
      const v = num(r, `${s.key}${n}`);
      if (s.real && num(r, `mesh_process_heap_mb_${n}`) === undefined) return [];
      return v === undefined ? [] : [[x(n), y(v), v] as const];
    });
    if (s.line && pts.length > 1)
      out.push(
        `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`,
      );
    for (const [a, b, v] of pts)
      out.push(
        `<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="4" fill="${s.color}"/>`,
        `<text x="${(a + 6).toFixed(1)}" y="${(b - 6).toFixed(1)}" class="gl">${esc(fmt(v, 'ms'))}</text>`,
      );
    out.push(
      `<rect x="${XL}" y="${top + 10 + i * 18}" width="10" height="10" fill="${s.color}"/>`,
      `<text x="${XL + 16}" y="${top + 19 + i * 18}" class="s">${esc(s.label)}</text>`,
    );
  });
  return out.join('\n');
}

/** The results as a hand-written SVG: one bar pair per ratio with its target, then the absolute targets. */
export function renderChart(r: Results, subtitle: string): string {
  const ratios = TARGETS.filter((t) => t.pair);
  const absolutes = TARGETS.filter((t) => !t.pair);
  const baselines: Record<string, { key: string; label: string }> = {
    cold_open_ms: { key: 'cold_open_plain_ms', label: 'plain Yjs' },
    cold_join_ms: { key: 'cold_join_plain_ms', label: 'y-webrtc' },
    typing_p95_ms: { key: 'typing_control_p95_ms', label: 'bare textarea' },
    remote_lag_p95_ms: { key: 'remote_lag_plain_p95_ms', label: 'y-webrtc' },
  };
  const top = 88;
  const secondTop = top + ratios.length * ROW + 50;
  const meshTop = secondTop + absolutes.length * ROW + 40;
  const H = meshTop + MESH_H + 70;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    '<style>.l{font-size:13px;fill:#212121}.s{font-size:11px;fill:#616161}.v{font-size:11px;fill:#212121}.h{font-size:16px;font-weight:600;fill:#212121}.t{stroke:#212121;stroke-width:1.5;stroke-dasharray:4 3}.tl{font-size:10px;fill:#424242}.g{stroke:#e0e0e0}.gl{font-size:10px;fill:#757575}</style>',
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="10" y="24" class="h">Quire vs plain Yjs / y-webrtc: Quire ÷ baseline (log scale)</text>`,
    `<text x="10" y="42" class="s">grey = baseline, green = meets the target, red = misses it, dashed line = target</text>`,
    `<text x="10" y="58" class="s">${esc(subtitle)}</text>`,
  );
  for (let l = LOG_MIN; l <= LOG_MAX; l++) {
    const x = xr(2 ** l);
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${top - 8}" y2="${top + ratios.length * ROW - 6}" class="g"/>`,
      `<text x="${x - 8}" y="${top - 12}" class="gl">×${2 ** l}</text>`,
    );
  }
  ratios.forEach((t, i) => parts.push(ratioRow(t, r, top + i * ROW)));
  parts.push(
    `<text x="10" y="${secondTop - 18}" class="h">Absolute targets (linear scale per row)</text>`,
  );
  absolutes.forEach((t, i) => parts.push(absoluteRow(t, r, secondTop + i * ROW, baselines[t.key])));
  parts.push(meshCurve(r, meshTop));
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
