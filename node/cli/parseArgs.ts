import { err, ok, type Result } from '../../shared/util/result.ts';
import { COMMANDS, type CommandName, type FlagSpec, type ParsedCommand } from './commandSpecs.ts';

export type ParseOutcome =
  { readonly kind: 'help' } | { readonly kind: 'run'; readonly parsed: ParsedCommand };

/** Longer than any real argument; a net against pasting a file into a flag. */
const MAX_VALUE_CHARS = 8192;
const DURATION = /^(\d{1,7})(s|m|h|d)?$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_DURATION_MS = 365 * UNIT_MS.d;

const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** `90s`, `30m`, `24h`, `7d`, or plain seconds, as milliseconds; undefined if invalid or zero. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[(m[2] ?? 's') as keyof typeof UNIT_MS];
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : undefined;
}

type Value = string | number | boolean | readonly string[] | undefined;

function convert(name: string, spec: FlagSpec, raw: readonly string[]): Result<Value, 'usage'> {
  const last = raw[raw.length - 1];
  switch (spec.kind) {
    case 'switch':
      return ok(raw.length > 0);
    case 'list':
      return raw.length < spec.min ? err('usage', `--${name} is required`) : ok([...raw]);
    case 'string':
      if (last !== undefined) return ok(last);
      if ('required' in spec) return err('usage', `--${name} is required`);
      return ok('default' in spec ? spec.default : undefined);
    case 'int': {
      if (last === undefined) return ok('default' in spec ? spec.default : undefined);
      const n = /^\d{1,9}$/.test(last) ? Number(last) : NaN;
      if (!(n >= spec.min && n <= spec.max))
        return err('usage', `--${name} must be a whole number from ${spec.min} to ${spec.max}`);
      return ok(n);
    }
    case 'enum':
      if (last === undefined) return ok(spec.default);
      return spec.values.includes(last)
        ? ok(last)
        : err('usage', `--${name} must be one of ${spec.values.join(', ')}`);
    case 'duration': {
      if (last === undefined) return ok(spec.default);
      const ms = parseDuration(last);
      return ms === undefined
        ? err('usage', `--${name} must look like 90s, 30m, 24h or 7d`)
        : ok(ms);
    }
  }
}

/**
 * Pure: the command line (without `node quire`) -> a command with typed flags, help, or a usage
 * error whose detail is one line. Flags are `--name value` or `--name=value`; only list flags
 * repeat; switches take no value; anything not in the table (commandSpecs.ts) is an error.
 */
export function parseArgs(argv: readonly string[]): Result<ParseOutcome, 'usage'> {
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help')
    return ok({ kind: 'help' });
  const [first, second, third] = argv;
  if (first === undefined) return err('usage', 'missing command (quire --help lists them)');
  const two = `${first} ${second ?? ''}`;
  const three = `${two} ${third ?? ''}`;
  const command = isCommand(three)
    ? three
    : isCommand(two)
      ? two
      : isCommand(first)
        ? first
        : undefined;
  if (command === undefined) {
    const what =
      first.startsWith('-') || second === undefined || second.startsWith('-') ? first : two;
    return err('usage', `unknown command '${what}' (quire --help lists them)`);
  }
  const specs: Readonly<Record<string, FlagSpec>> = COMMANDS[command];
  const raw = new Map<string, string[]>();
  const rest = argv.slice(command.split(' ').length);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (!arg.startsWith('--') || arg.length === 2)
      return err('usage', `unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs[name];
    if (spec === undefined) return err('usage', `unknown flag --${name} for '${command}'`);
    let value: string;
    if (spec.kind === 'switch') {
      if (eq !== -1) return err('usage', `--${name} takes no value`);
      value = '';
    } else if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = rest[i + 1];
      if (next === undefined) return err('usage', `--${name} needs a value`);
      value = next;
      i++;
    }
    if (spec.kind !== 'switch' && value === '') return err('usage', `--${name} needs a value`);
    if (value.length > MAX_VALUE_CHARS) return err('usage', `--${name} is too long`);
    const seen = raw.get(name) ?? [];
    if (seen.length > 0 && spec.kind !== 'list') return err('usage', `--${name} given twice`);
    raw.set(name, [...seen, value]);
  }
  const flags: Record<string, Value> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const value = convert(name, spec, raw.get(name) ?? []);
    if (!value.ok) return value;
    flags[name] = value.value;
  }
  // Every flag of `command` was converted by its own spec above: this is its FlagValues.
  return ok({ kind: 'run', parsed: { command, flags } as ParsedCommand });
}
