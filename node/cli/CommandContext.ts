import type { CliIo } from './CliIo.ts';

/** What every command gets besides its flags. */
export interface CommandContext {
  readonly io: CliIo;
  /** From QUIRE_PASSPHRASE (checked non-empty before any command that opens a home). */
  readonly passphrase: string;
}
