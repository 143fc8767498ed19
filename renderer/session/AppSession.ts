import type { Result } from '../../shared/util/result.ts';
import type { CellSession } from './CellSession.ts';

/** A cell as the sidebar lists it (from the sealed keyring; nothing here is ever stored in clear). */
export interface CellSummary {
  readonly cellIdHex: string;
  readonly name: string;
  readonly pseudonym: string;
  readonly colour: string;
}

export interface NewCell {
  readonly name: string;
  readonly pseudonym: string;
  /** The cell's rendezvous URLs (ws:// or wss://); never empty. */
  readonly signaling: readonly string[];
}

export type JoinState =
  | 'waiting_for_approval'
  | 'approved'
  | 'denied'
  | 'expired'
  | 'revoked'
  | 'used'
  | 'invalid_code'
  | 'timeout';

/** Shown to the joiner while waiting: the words the coordinator will ask them to read out. */
export interface JoinDetail {
  readonly safetyWords: readonly string[];
}

/**
 * What the app shell may do once the vault is unlocked. Implemented by renderer/session over the
 * vault, the cell runtime and the sync engine; the shell never touches keys or envelopes.
 */
export interface AppSession {
  cells(): readonly CellSummary[];
  onCellsChange(listener: () => void): () => void;
  createCell(
    cell: NewCell,
  ): Promise<Result<string, 'invalid_name' | 'invalid_pseudonym' | 'no_rendezvous'>>;
  /** Opens (or returns the already open) session of one cell. */
  openCell(cellIdHex: string): Promise<CellSession>;
  /** Joins a cell with an invite code, as a fresh identity under `pseudonym`; resolves with the cell id. */
  join(
    code: string,
    pseudonym: string,
    onState: (state: JoinState, detail: JoinDetail) => void,
  ): Promise<Result<string, JoinState>>;
  /** Closes every cell, drops keys and decrypted content (zeroed where possible). */
  lock(): Promise<void>;
}
