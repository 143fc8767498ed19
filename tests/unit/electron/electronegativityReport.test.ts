import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fuseProblems,
  isReviewed,
  parseReport,
  REVIEWED,
} from '../../../scripts/electronegativity.ts';

const sarif = (results: unknown[]): string =>
  JSON.stringify({ version: '2.1.0', runs: [{ tool: {}, results }] });
const result = (ruleId: string, uri: string, startLine: number) => ({
  ruleId,
  level: 'note',
  message: { text: 'desc' },
  locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine } } }],
});

describe('electronegativity report handling', () => {
  const files: Record<string, string> = {
    'electron/main/w.ts': 'line one\n    new BrowserWindow({ sandbox: false })\n',
    'renderer/index.html':
      '<head>\n<meta\n  http-equiv="Content-Security-Policy"\n  content="default-src \'self\'"\n/>',
  };
  const read = (file: string): string | undefined => files[file];

  it('reads findings from SARIF with the flagged source as sample', () => {
    const report = sarif([
      result('SANDBOX_JS_CHECK', 'electron/main/w.ts', 2),
      result('CSP_GLOBAL_CHECK', 'renderer/index.html', 2),
      {
        ruleId: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
        level: 'error',
        message: { text: 'x' },
        locations: [],
      },
    ]);
    expect(parseReport(report, read)).toEqual([
      {
        check: 'SANDBOX_JS_CHECK',
        level: 'note',
        file: 'electron/main/w.ts',
        line: 2,
        sample: 'new BrowserWindow({ sandbox: false })',
        description: 'desc',
      },
      {
        check: 'CSP_GLOBAL_CHECK',
        level: 'note',
        file: 'renderer/index.html',
        line: 2,
        sample: "default-src 'self'",
        description: 'desc',
      },
      {
        check: 'LIMIT_NAVIGATION_GLOBAL_CHECK',
        level: 'error',
        file: 'N/A',
        line: 0,
        sample: 'N/A',
        description: 'x',
      },
    ]);
    expect(parseReport(sarif([]), read)).toEqual([]);
  });

  it('refuses a report it cannot read rather than passing', () => {
    expect(() => parseReport('', read)).toThrow();
    expect(() => parseReport('{"runs":[]}', read)).toThrow();
    expect(() => parseReport('{"runs":[{}]}', read)).toThrow();
    expect(() => parseReport(sarif([{ level: 'note' }]), read)).toThrow();
  });

  it('treats a finding as reviewed only on an exact check + file + source match', () => {
    const reviewed = REVIEWED[1]!;
    const base = { level: 'note', line: 1, description: '' };
    expect(isReviewed({ ...base, ...reviewed })).toBe(true);
    expect(isReviewed({ ...base, ...reviewed, sample: 'await shell.openExternal(url);' })).toBe(
      false,
    );
    expect(isReviewed({ ...base, ...reviewed, file: 'electron/main/other.ts' })).toBe(false);
    expect(isReviewed({ ...base, ...reviewed, check: 'SANDBOX_JS_CHECK' })).toBe(false);
    const csp = REVIEWED[0]!;
    expect(isReviewed({ ...base, ...csp, sample: `${csp.sample}; script-src *` })).toBe(false);
  });

  it('accepts the fuses in electron-builder.yml and flags any that is missing or flipped', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    expect(fuseProblems(yml)).toEqual([]);
    expect(fuseProblems(yml.replace('runAsNode: false', 'runAsNode: true'))).toEqual([
      'electron-builder.yml: electronFuses.runAsNode must be false',
    ]);
    expect(fuseProblems(yml.replace(/^\s+onlyLoadAppFromAsar: true\n/m, '\n'))).toHaveLength(1);
    expect(fuseProblems('appId: x\n')).toHaveLength(7);
  });
});
