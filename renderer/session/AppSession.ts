import type { Result } from '../../shared/util/result.ts';
import type { CellSession } from './CellSession.ts';

/** A cell as the sidebar lists it (from the sealed keyring; nothing here is ever stored in clear). */
export interface CellSummary {
  readonly cellIdHex: string;
  readonly name: string;
  readonly pseudonym: string;
  readonly colour: string;
  /** Join requests waiting for this device's answer, in a cell open now (else 0). */
  readonly waiting?: number;
}

export interface NewCell {
  readonly name: string;
  readonly pseudonym: string;
  /** The cell's rendezvous URLs (ws:// or wss://); never empty. */
  readonly signaling: readonly string[];
}

export type JoinState =
  | 'waiting_for_approval'
  /** Still waiting: a welcome from someone else holding the code (another cell) was refused. */
  | 'forged_welcome'
  | 'approved'
  | 'denied'
  | 'expired'
  | 'revoked'
  | 'used'
  | 'invalid_code'
  | 'timeout'
  /** The joiner cancelled while waiting: nothing of the cell was kept. */
  | 'cancelled';

/** Shown to the joiner while waiting: the words the coordinator will ask them to read out. */
export interface JoinDetail {
  readonly safetyWords: readonly string[];
}

/**
 * A welcome that passed every automatic check (the code's commitment to its cell and coordinator,
 * the roster it carries), held until the joiner has compared the admitting coordinator's safety
 * words: nothing of the cell is stored before `confirm`.
 */
export interface JoinConfirmation {
  readonly cellName: string;
  readonly coordinatorPseudonym: string;
  /** The admitting coordinator's eight safety words, to compare with what they read out. */
  readonly coordinatorWords: readonly string[];
  /** Keeps the cell in the vault; resolves with its id. Only the first call does anything. */
  confirm(): Promise<string>;
  /** Drops the welcome and the new identity (keys zeroed): nothing of the cell was stored. */
  cancel(): void;
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
  /**
   * Joins a cell with an invite code, as a fresh identity under `pseudonym`; resolves, once a
   * verified welcome arrived, with what the joiner must confirm before the cell is kept.
   */
  join(
    code: string,
    pseudonym: string,
    onState: (state: JoinState, detail: JoinDetail) => void,
    /** Aborting it cancels the request (the room is left; resolves with 'cancelled'). */
    signal?: AbortSignal,
  ): Promise<Result<JoinConfirmation, JoinState>>;
  /**
   * Deletes this device's copy of one cell (for a member removed from it): closes it, deletes its
   * sealed rows, then drops its keyring record (its keys). Other cells are untouched.
   */
  removeCellFromDevice(cellIdHex: string): Promise<void>;
  /** Closes every cell, drops keys and decrypted content (zeroed where possible). */
  lock(): Promise<void>;
}
