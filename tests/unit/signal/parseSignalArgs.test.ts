import { describe, expect, it } from 'vitest';
import { parseSignalArgs } from '../../../node/signal/parseSignalArgs.ts';

describe('parseSignalArgs', () => {
  it('defaults to 127.0.0.1:4444', () => {
    expect(parseSignalArgs([])).toEqual({
      ok: true,
      value: { kind: 'run', args: { host: '127.0.0.1', port: 4444 } },
    });
  });

  it('reads --host and --port, spaced or with =', () => {
    expect(parseSignalArgs(['--host', '0.0.0.0', '--port', '0'])).toEqual({
      ok: true,
      value: { kind: 'run', args: { host: '0.0.0.0', port: 0 } },
    });
    expect(parseSignalArgs(['--port=65535', '--host=::1'])).toEqual({
      ok: true,
      value: { kind: 'run', args: { host: '::1', port: 65535 } },
    });
    expect(parseSignalArgs(['--help'])).toEqual({ ok: true, value: { kind: 'help' } });
  });

  it('rejects anything else as a usage error', () => {
    for (const argv of [
      ['--port'],
      ['--port', '65536'],
      ['--port', '-1'],
      ['--port', '12a'],
      ['--port='],
      ['--host'],
      ['--host', 'a b'],
      ['--host', 'x/../y'],
      ['--verbose'],
      ['4444'],
    ]) {
      const r = parseSignalArgs(argv);
      expect(r.ok, argv.join(' ')).toBe(false);
      if (!r.ok) expect(r.error).toBe('usage');
    }
  });
});
