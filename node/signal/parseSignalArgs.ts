import { err, ok, type Result } from '../../shared/util/result.ts';

export interface SignalArgs {
  readonly host: string;
  readonly port: number;
}

export type SignalArgsOutcome =
  { readonly kind: 'run'; readonly args: SignalArgs } | { readonly kind: 'help' };

export const signalUsage = `usage: quire signal [--host HOST] [--port PORT]
  --host HOST   address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port PORT   TCP port, 0 for any free port (default 4444)`;

const HOST_RE = /^[A-Za-z0-9.:-]{1,253}$/;

/** Pure: parses `--host H --port P` (also `--host=H`). Anything else is a usage error. */
export const parseSignalArgs = (argv: readonly string[]): Result<SignalArgsOutcome, 'usage'> => {
  let host = '127.0.0.1';
  let port = 4444;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return ok({ kind: 'help' });
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (name !== '--host' && name !== '--port') return err('usage', `unknown argument ${arg}`);
    let value: string | undefined;
    if (eq === -1) {
      i += 1;
      value = argv[i];
    } else {
      value = arg.slice(eq + 1);
    }
    if (value === undefined || value === '') return err('usage', `${name} needs a value`);
    if (name === '--host') {
      if (!HOST_RE.test(value)) return err('usage', 'invalid --host');
      host = value;
    } else {
      if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) return err('usage', 'invalid --port');
      port = Number(value);
    }
  }
  return ok({ kind: 'run', args: { host, port } });
};
