import { ok, type Result } from '../../shared/util/result.ts';

/** Why a command failed; each maps to one exit code (issue 6 fixes them). */
export type FailureKind = 'failed' | 'usage' | 'denied' | 'timeout';

/** 0 ok, 1 anything else, 2 usage, 3 wrong passphrase or not permitted, 4 timed out. */
export const EXIT_CODES: Readonly<Record<FailureKind | 'ok', number>> = {
  ok: 0,
  failed: 1,
  usage: 2,
  denied: 3,
  timeout: 4,
};

/** What every command returns: nothing on success (its output went to stdout), else a failure whose detail is the one-line message. */
export type CommandResult = Result<void, FailureKind>;

export const done = (): CommandResult => ok(undefined);

export const failure = (
  kind: FailureKind,
  message: string,
): { ok: false; error: FailureKind; detail: string } => ({
  ok: false,
  error: kind,
  detail: message,
});

export const exitCodeFor = (result: CommandResult): number =>
  result.ok ? EXIT_CODES.ok : EXIT_CODES[result.error];

/** Any text as one line of at most 300 characters (errors are exactly one line on stderr). */
export const oneLine = (text: string): string =>
  text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .slice(0, 300);
