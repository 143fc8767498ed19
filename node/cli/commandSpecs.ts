/**
 * Every `quire` command and its flags (issue 6 fixes the names). The parser (parseArgs.ts) is
 * driven by this table alone, and FlagValues derives each command's typed flag values from it.
 */
export type FlagSpec =
  | { readonly kind: 'string'; readonly required: true }
  | { readonly kind: 'string'; readonly default: string }
  | { readonly kind: 'string' }
  | { readonly kind: 'list'; readonly min: number }
  | { readonly kind: 'int'; readonly min: number; readonly max: number; readonly default: number }
  | { readonly kind: 'int'; readonly min: number; readonly max: number }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly default: string }
  /** 90s, 30m, 24h, 7d or plain seconds; parsed to milliseconds. */
  | { readonly kind: 'duration'; readonly default: number }
  | { readonly kind: 'switch' };

const required = { kind: 'string', required: true } as const;
const optional = { kind: 'string' } as const;
const DAY_S = 24 * 60 * 60;
const seconds = { kind: 'int', min: 1, max: 365 * DAY_S } as const;
const timeout = { kind: 'int', min: 1, max: 365 * DAY_S, default: 60 } as const;

export const COMMANDS = {
  signal: {
    host: { kind: 'string', default: '127.0.0.1' },
    port: { kind: 'int', min: 0, max: 65535, default: 4444 },
  },
  init: { home: required },
  'cell create': {
    home: required,
    name: required,
    pseudonym: required,
    signal: { kind: 'list', min: 1 },
  },
  'cell horizon': {
    home: required,
    cell: required,
    keep: { kind: 'enum', values: ['7', '14', '30', '90', 'issue'], default: '30' },
  },
  'cell rotate': { home: required, cell: required },
  'cell comments': { home: required, cell: required, readers: optional },
  'invite create': {
    home: required,
    cell: required,
    role: { kind: 'enum', values: ['member', 'reader', 'coordinator', 'relay'], default: 'member' },
    expires: { kind: 'duration', default: DAY_S * 1000 },
  },
  join: { home: required, code: required, pseudonym: required, timeout, 'confirm-words': optional },
  serve: { home: required, 'approve-all': { kind: 'switch' }, for: seconds },
  'draft write': { home: required, cell: required, title: required, file: optional },
  'draft read': {
    home: required,
    cell: required,
    title: required,
    'with-suggestions': { kind: 'switch' },
  },
  'suggest list': { home: required, cell: required, title: required },
  'suggest accept': {
    home: required,
    cell: required,
    title: required,
    ref: optional,
    all: { kind: 'switch' },
  },
  'suggest reject': {
    home: required,
    cell: required,
    title: required,
    ref: optional,
    all: { kind: 'switch' },
  },
  'comment add': { home: required, cell: required, title: required, on: required, text: required },
  'comment list': { home: required, cell: required, title: required },
  'task add': { home: required, cell: required, title: required, assignee: optional },
  'task list': { home: required, cell: required },
  'member list': { home: required, cell: required },
  'member remove': { home: required, cell: required, pseudonym: required },
  'member rekey': { home: required, cell: required },
  sync: { home: required, cell: required, timeout },
  relay: {
    home: required,
    code: optional,
    for: seconds,
    'forget-after': { kind: 'int', min: 1, max: 14 * DAY_S, default: 3600 },
  },
  'vault duress set': {
    home: required,
    template: { kind: 'enum', values: ['reading-club', 'newsletter'], default: 'reading-club' },
    language: { kind: 'enum', values: ['en', 'ru', 'uk'], default: 'en' },
    signal: { kind: 'list', min: 1 },
    'destroy-real': { kind: 'switch' },
  },
} as const satisfies Record<string, Readonly<Record<string, FlagSpec>>>;

export type CommandName = keyof typeof COMMANDS;

type ValueOf<F> = F extends { kind: 'string'; required: true }
  ? string
  : F extends { kind: 'string'; default: string }
    ? string
    : F extends { kind: 'string' }
      ? string | undefined
      : F extends { kind: 'list' }
        ? readonly string[]
        : F extends { kind: 'int'; default: number }
          ? number
          : F extends { kind: 'int' }
            ? number | undefined
            : F extends { kind: 'enum'; values: readonly (infer V)[] }
              ? V
              : F extends { kind: 'duration' }
                ? number
                : F extends { kind: 'switch' }
                  ? boolean
                  : never;

/** The typed flag values of one command. */
export type FlagValues<C extends CommandName> = {
  readonly [K in keyof (typeof COMMANDS)[C]]: ValueOf<(typeof COMMANDS)[C][K]>;
};

/** A parsed command line: which command, with its flags checked against the table. */
export type ParsedCommand = {
  [C in CommandName]: { readonly command: C; readonly flags: FlagValues<C> };
}[CommandName];
