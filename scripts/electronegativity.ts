/**
 * `npm run test:security`: Electronegativity over the main process and preload (electron/), the
 * page's HTML with its CSP (renderer/*.html) and package.json, plus a check of the fuses in
 * electron-builder.yml. Prints every finding and exits 1 on any finding that is not in the
 * reviewed list below. Works offline (the tool's update check just fails quietly).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Finding {
  readonly check: string;
  readonly level: string;
  readonly file: string;
  readonly line: number;
  /** The flagged source: the trimmed line, or for CSP findings the policy string itself. */
  readonly sample: string;
  readonly description: string;
}

/**
 * Checks excluded by name: only those obsolete for Electron >= 14 (docs/ELECTRON.md says why).
 * Names are Electronegativity's class names.
 */
export const EXCLUDED_CHECKS: readonly string[] = [
  'RemoteModuleJSCheck',
  'AffinityJSCheck',
  'AffinityHTMLCheck',
];

/**
 * Findings a person has reviewed, matched exactly (check, file and the flagged source text), so
 * that any new occurrence or any edit of these lines fails again. Each is explained in
 * docs/ELECTRON.md.
 */
export const REVIEWED: readonly Pick<Finding, 'check' | 'file' | 'sample'>[] = [
  {
    // 'self' in script-src: app:// serves only our read-only bundle (no JSONP, no uploads).
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    sample:
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' ws: wss:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'",
  },
  {
    // The one shell.openExternal: after isSafeExternalUrl (https only) and a native confirmation.
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/openExternalWithConfirm.ts',
    sample: 'await shell.openExternal(href);',
  },
];

export const REQUIRED_FUSES: Readonly<Record<string, boolean>> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

const sarifSchema = {
  parse(
    json: string,
  ): { ruleId: string; level: string; text: string; uri: string; line: number }[] {
    const doc = JSON.parse(json) as {
      runs?: {
        results?: {
          ruleId?: unknown;
          level?: unknown;
          message?: { text?: unknown };
          locations?: {
            physicalLocation?: {
              artifactLocation?: { uri?: unknown };
              region?: { startLine?: unknown };
            };
          }[];
        }[];
      }[];
    };
    const runs = doc.runs;
    if (!Array.isArray(runs) || runs.length === 0) throw new Error('no runs in SARIF report');
    return runs.flatMap((run) => {
      if (!Array.isArray(run.results)) throw new Error('no results array in SARIF report');
      return run.results.map((r) => {
        const loc = r.locations?.[0]?.physicalLocation;
        const ruleId = r.ruleId;
        if (typeof ruleId !== 'string') throw new Error('SARIF result without ruleId');
        const uri = loc?.artifactLocation?.uri;
        const line = loc?.region?.startLine;
        const text = r.message?.text;
        return {
          ruleId,
          level: typeof r.level === 'string' ? r.level : '',
          text: typeof text === 'string' ? text : '',
          uri: typeof uri === 'string' ? uri.replaceAll('\\', '/') : 'N/A',
          line: typeof line === 'number' ? line : 0,
        };
      });
    });
  },
};

/** What a finding points at, the way Electronegativity's own CSV shows it. */
export const sampleOf = (check: string, source: string | undefined, line: number): string => {
  if (source === undefined || line < 1) return 'N/A';
  if (check.startsWith('CSP_')) {
    // The policy text itself, so that any change to the CSP needs a new review.
    const from = source
      .split(/\r?\n/)
      .slice(line - 1)
      .join('\n');
    return /content\s*=\s*"([^"]*)"/i.exec(from)?.[1] ?? 'N/A';
  }
  return source.split(/\r?\n/)[line - 1]?.trim() ?? 'N/A';
};

/**
 * Electronegativity's SARIF report (its CSV writer races its own header write and can garble or
 * drop rows, so it is not used). `readSource` returns a scanned file's text by relative path.
 */
export const parseReport = (
  sarif: string,
  readSource: (file: string) => string | undefined,
): Finding[] =>
  sarifSchema.parse(sarif).map((r) => ({
    check: r.ruleId,
    level: r.level,
    file: r.uri,
    line: r.line,
    sample: sampleOf(r.ruleId, r.uri === 'N/A' ? undefined : readSource(r.uri), r.line),
    description: r.text,
  }));

export const isReviewed = (f: Finding): boolean =>
  REVIEWED.some((r) => r.check === f.check && r.file === f.file && r.sample === f.sample);

/** The electronFuses block of electron-builder.yml must hold every required value. */
export const fuseProblems = (yml: string): string[] => {
  // The block is every line after `electronFuses:` up to the next top-level key.
  const lines = yml.split(/\r?\n/);
  const start = lines.findIndex((l) => /^electronFuses:\s*(#.*)?$/.test(l));
  const rest = start === -1 ? [] : lines.slice(start + 1);
  const end = rest.findIndex((l) => /^\S/.test(l) && !l.startsWith('#'));
  const block = (end === -1 ? rest : rest.slice(0, end)).join('\n');
  return Object.entries(REQUIRED_FUSES).flatMap(([name, value]) =>
    new RegExp(`^\\s+${name}:\\s*${String(value)}\\s*(#.*)?$`, 'm').test(block)
      ? []
      : [`electron-builder.yml: electronFuses.${name} must be ${String(value)}`],
  );
};

const main = (): number => {
  const root = resolve(import.meta.dirname, '..');
  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const work = mkdtempSync(join(tmpdir(), 'quire-electronegativity-'));
  try {
    // One scan over everything, so the global checks (CSP, navigation limits, permission
    // handler) see main, preload and the page together.
    cpSync(join(root, 'electron'), join(work, 'src', 'electron'), { recursive: true });
    // The page's HTML (its CSP) but not the renderer's TypeScript: that code runs sandboxed with
    // no Electron API, so the JS checks only misfire on it (e.g. Platform.openExternal calls).
    for (const name of readdirSync(join(root, 'renderer')).filter((n) => n.endsWith('.html'))) {
      cpSync(join(root, 'renderer', name), join(work, 'src', 'renderer', name));
    }
    cpSync(join(root, 'package.json'), join(work, 'src', 'package.json'));
    const report = join(work, 'report.sarif');
    const tool = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
    const run = spawnSync(
      process.execPath,
      [
        tool,
        '-i',
        join(work, 'src'),
        '-o',
        report,
        '-r',
        '-e',
        electronVersion,
        '-x',
        EXCLUDED_CHECKS.join(','),
      ],
      { cwd: work, encoding: 'utf8', timeout: 300_000 },
    );
    if (run.status !== 0 || !existsSync(report)) {
      process.stderr.write(
        `electronegativity failed (exit ${String(run.status)})\n${run.stderr}\n`,
      );
      return 1;
    }
    const src = join(work, 'src');
    const findings = parseReport(readFileSync(report, 'utf8'), (file) => {
      const path = resolve(src, file);
      return path.startsWith(src) && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    });
    const open = findings.filter((f) => !isReviewed(f));
    for (const f of findings) {
      const tag = isReviewed(f) ? 'reviewed' : 'FINDING ';
      process.stdout.write(`${tag} ${f.check} [${f.level}] ${f.file}:${f.line} ${f.description}\n`);
    }
    const fuses = fuseProblems(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
    for (const p of fuses) process.stdout.write(`FINDING  ${p}\n`);
    const total = open.length + fuses.length;
    process.stdout.write(
      `electronegativity ${electronVersion}: ${findings.length} finding(s), ${findings.length - open.length} reviewed; fuses: ${fuses.length === 0 ? 'ok' : 'NOT OK'}\n`,
    );
    return total === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
