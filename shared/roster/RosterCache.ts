import type { Result } from '../util/result.ts';
import type { RosterOp } from './RosterOp.ts';
import type { RosterState } from './RosterState.ts';
import type { VerifyError } from './verifyRosterOp.ts';

/** What the byte-only checks of an admit (join proof, box key) or a rekey (proof, box key) found. */
export type AdmitProblem =
  'bad_join_proof' | 'bad_rekey_proof' | 'bad_rebox_proof' | 'bad_box_key' | undefined;

export interface VerifiedEntry {
  /** A private copy: a caller mutating its array cannot change what was verified. */
  readonly bytes: Uint8Array;
  readonly result: Result<
    { readonly op: RosterOp; readonly admitProblem: AdmitProblem },
    VerifyError
  >;
}

/**
 * What computeRoster may keep between calls for one cell. Everything here is a pure function of
 * an op's bytes (its verification) or of its causal past (the roster it saw, which its opId fixes),
 * so entries never go stale as more ops arrive. One cache per cell.
 */
export interface RosterCache {
  readonly cellIdHex: string;
  /** The opId last computed for a given array; re-checked against `verified` bytes on use. */
  readonly ids: WeakMap<Uint8Array, string>;
  readonly verified: Map<string, VerifiedEntry>;
  /** opId -> roster of the op's strict causal past. */
  readonly past: Map<string, RosterState>;
  /** opId -> roster of the op's causal past with the op itself applied. */
  readonly after: Map<string, RosterState>;
}

export function createRosterCache(cellIdHex: string): RosterCache {
  return { cellIdHex, ids: new WeakMap(), verified: new Map(), past: new Map(), after: new Map() };
}
