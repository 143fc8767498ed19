import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../node/cli/commandSpecs.ts';
import { parseArgs, parseDuration } from '../../../node/cli/parseArgs.ts';

const run = (argv: string[]) => {
  const r = parseArgs(argv);
  if (!r.ok) throw new Error(r.detail);
  if (r.value.kind !== 'run') throw new Error('help');
  return r.value.parsed;
};
const usage = (argv: string[]): string => {
  const r = parseArgs(argv);
  if (r.ok) throw new Error(`parsed: ${JSON.stringify(r.value)}`);
  expect(r.error).toBe('usage');
  expect(r.detail).not.toContain('\n');
  return r.detail ?? '';
};

describe('quire argument parser', () => {
  it('parses every command of issue 6 with its defaults', () => {
    expect(run(['signal'])).toEqual({
      command: 'signal',
      flags: { host: '127.0.0.1', port: 4444 },
    });
    expect(run(['signal', '--port', '0', '--host=0.0.0.0'])).toEqual({
      command: 'signal',
      flags: { host: '0.0.0.0', port: 0 },
    });
    expect(run(['init', '--home', '/h'])).toEqual({ command: 'init', flags: { home: '/h' } });
    expect(
      run([
        'cell',
        'create',
        '--home',
        'h',
        '--name',
        'Cell canary',
        '--pseudonym',
        'Anna',
        '--signal',
        'ws://a:1',
        '--signal=ws://b:2',
      ]),
    ).toEqual({
      command: 'cell create',
      flags: {
        home: 'h',
        name: 'Cell canary',
        pseudonym: 'Anna',
        signal: ['ws://a:1', 'ws://b:2'],
      },
    });
    expect(run(['invite', 'create', '--home', 'h', '--cell', 'c'])).toEqual({
      command: 'invite create',
      flags: { home: 'h', cell: 'c', role: 'member', expires: 24 * 3_600_000 },
    });
    expect(
      run(['invite', 'create', '--home', 'h', '--cell', 'c', '--role', 'relay', '--expires', '30m'])
        .flags,
    ).toMatchObject({
      role: 'relay',
      expires: 1_800_000,
    });
    expect(run(['join', '--home', 'h', '--code', 'Q', '--pseudonym', 'B']).flags).toEqual({
      home: 'h',
      code: 'Q',
      pseudonym: 'B',
      timeout: 60,
    });
    expect(run(['serve', '--home', 'h']).flags).toEqual({
      home: 'h',
      'approve-all': false,
      for: undefined,
    });
    expect(run(['serve', '--approve-all', '--home', 'h', '--for', '5']).flags).toEqual({
      home: 'h',
      'approve-all': true,
      for: 5,
    });
    expect(
      run(['draft', 'write', '--home', 'h', '--cell', 'c', '--title', 'Issue 12']).flags,
    ).toEqual({
      home: 'h',
      cell: 'c',
      title: 'Issue 12',
      file: undefined,
    });
    expect(run(['draft', 'read', '--home', 'h', '--cell', 'c', '--title', 'T']).command).toBe(
      'draft read',
    );
    expect(
      run([
        'comment',
        'add',
        '--home',
        'h',
        '--cell',
        'c',
        '--title',
        'T',
        '--on',
        'q',
        '--text',
        'x',
      ]).flags,
    ).toEqual({ home: 'h', cell: 'c', title: 'T', on: 'q', text: 'x' });
    expect(run(['comment', 'list', '--home', 'h', '--cell', 'c', '--title', 'T']).command).toBe(
      'comment list',
    );
    expect(
      run(['task', 'add', '--home', 'h', '--cell', 'c', '--title', 'T', '--assignee', 'B']).flags,
    ).toMatchObject({
      assignee: 'B',
    });
    expect(run(['task', 'list', '--home', 'h', '--cell', 'c']).command).toBe('task list');
    expect(run(['member', 'list', '--home', 'h', '--cell', 'c']).command).toBe('member list');
    expect(
      run(['member', 'remove', '--home', 'h', '--cell', 'c', '--pseudonym', 'B']).command,
    ).toBe('member remove');
    expect(run(['member', 'rekey', '--home', 'h', '--cell', 'c']).flags).toEqual({
      home: 'h',
      cell: 'c',
    });
    expect(run(['sync', '--home', 'h', '--cell', 'c', '--timeout', '5']).flags).toEqual({
      home: 'h',
      cell: 'c',
      timeout: 5,
    });
    expect(run(['relay', '--home', 'h']).flags).toEqual({
      home: 'h',
      code: undefined,
      for: undefined,
      'forget-after': 3600,
    });
    expect(run(['vault', 'duress', 'set', '--home', 'h', '--signal', 'ws://x']).flags).toEqual({
      home: 'h',
      template: 'reading-club',
      language: 'en',
      signal: ['ws://x'],
      'destroy-real': false,
    });
    expect(run(['cell', 'horizon', '--home', 'h', '--cell', 'c']).flags).toEqual({
      home: 'h',
      cell: 'c',
      keep: '30',
    });
    expect(run(['cell', 'horizon', '--home', 'h', '--cell', 'c', '--keep', 'issue']).flags).toEqual(
      { home: 'h', cell: 'c', keep: 'issue' },
    );
    expect(() => run(['cell', 'horizon', '--home', 'h', '--cell', 'c', '--keep', '5'])).toThrow();
    expect(run(['cell', 'rotate', '--home', 'h', '--cell', 'c']).flags).toEqual({
      home: 'h',
      cell: 'c',
    });
    expect(
      run(['draft', 'read', '--home', 'h', '--cell', 'c', '--title', 'T', '--with-suggestions'])
        .flags,
    ).toEqual({ home: 'h', cell: 'c', title: 'T', 'with-suggestions': true });
    expect(run(['suggest', 'list', '--home', 'h', '--cell', 'c', '--title', 'T']).command).toBe(
      'suggest list',
    );
    expect(
      run(['suggest', 'accept', '--home', 'h', '--cell', 'c', '--title', 'T', '--ref', 'r']).flags,
    ).toEqual({ home: 'h', cell: 'c', title: 'T', ref: 'r', all: false });
    expect(
      run(['suggest', 'reject', '--home', 'h', '--cell', 'c', '--title', 'T', '--all']).flags,
    ).toEqual({ home: 'h', cell: 'c', title: 'T', ref: undefined, all: true });
    expect(
      run(['cell', 'comments', '--home', 'h', '--cell', 'c', '--readers', 'on']).flags,
    ).toEqual({ home: 'h', cell: 'c', readers: 'on' });
    expect(Object.keys(COMMANDS)).toHaveLength(24);
  });

  it('keeps values that look like flags or hold spaces and = signs', () => {
    expect(
      run(['draft', 'read', '--home', 'h', '--cell', 'c', '--title', '--not-a-flag']).flags,
    ).toMatchObject({
      title: '--not-a-flag',
    });
    expect(
      run(['draft', 'read', '--home', 'h', '--cell', 'c', '--title=a=b c']).flags,
    ).toMatchObject({ title: 'a=b c' });
  });

  it('refuses everything else as a usage error with a one-line reason', () => {
    expect(usage([])).toMatch(/missing command/);
    expect(usage(['frobnicate'])).toMatch(/unknown command 'frobnicate'/);
    expect(usage(['draft', 'delete', '--home', 'h'])).toMatch(/unknown command 'draft delete'/);
    expect(usage(['draft'])).toMatch(/unknown command 'draft'/);
    expect(usage(['init'])).toMatch(/--home is required/);
    expect(usage(['init', '--home'])).toMatch(/--home needs a value/);
    expect(usage(['init', '--home='])).toMatch(/--home needs a value/);
    expect(usage(['init', '--home', 'a', '--home', 'b'])).toMatch(/--home given twice/);
    expect(usage(['init', '--home', 'a', 'stray'])).toMatch(/unexpected argument 'stray'/);
    expect(usage(['init', '--home', 'a', '-x'])).toMatch(/unexpected argument/);
    expect(usage(['init', '--home', 'a', '--pseudonym', 'x'])).toMatch(
      /unknown flag --pseudonym for 'init'/,
    );
    expect(usage(['cell', 'create', '--home', 'h', '--name', 'n', '--pseudonym', 'p'])).toMatch(
      /--signal is required/,
    );
    expect(usage(['serve', '--home', 'h', '--approve-all=yes'])).toMatch(/takes no value/);
    expect(usage(['serve', '--home', 'h', '--for', '0'])).toMatch(/--for must be a whole number/);
    expect(usage(['serve', '--home', 'h', '--for', '1.5'])).toMatch(/--for must be a whole number/);
    expect(usage(['signal', '--port', '65536'])).toMatch(/--port/);
    expect(usage(['invite', 'create', '--home', 'h', '--cell', 'c', '--role', 'admin'])).toMatch(
      /--role must be one of/,
    );
    expect(usage(['invite', 'create', '--home', 'h', '--cell', 'c', '--expires', 'soon'])).toMatch(
      /--expires/,
    );
    expect(usage(['init', '--home', 'x'.repeat(9000)])).toMatch(/too long/);
  });

  it('answers --help anywhere', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, value: { kind: 'help' } });
    expect(parseArgs(['draft', 'write', '-h'])).toEqual({ ok: true, value: { kind: 'help' } });
    expect(parseArgs(['help'])).toEqual({ ok: true, value: { kind: 'help' } });
  });

  it('reads durations as 90s, 30m, 24h, 7d or plain seconds', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('90')).toBe(90_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    for (const bad of ['0', '0h', '-1h', '1w', '1.5h', '', 'h', '400d'])
      expect(parseDuration(bad)).toBeUndefined();
  });
});
