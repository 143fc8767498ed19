import type { Role } from './RosterOp.ts';

export interface MemberState {
  readonly signPk: Uint8Array;
  /** The newest box key: what rotates and notices seal to (a rebox changes it). */
  readonly boxPk: Uint8Array;
  /**
   * The box key this identity was created, admitted or re-keyed with, which its safety words
   * commit to: a rebox changes `boxPk` only, vouched for by the identity's signature.
   */
  readonly identityBoxPk: Uint8Array;
  readonly pseudonym: string;
  readonly role: Role;
  /** signPk hex of the coordinator whose admit counted; null for the cell's creator. */
  readonly admittedBy: string | null;
  /** opId of the genesis or admit that made this identity a member. */
  readonly joinedAt: string;
  readonly historyAccess: boolean;
  /** Order key of the op that last made this identity a coordinator: seniority in removal races. */
  readonly coordinatorSince: string | undefined;
  /** Highest epoch whose secret this identity is known to hold (welcome or rotate wrap). */
  readonly keyEpoch: number;
  /**
   * The op (a counted rotate, or the genesis) whose epoch secret this identity holds: the admitting
   * coordinator's current epoch for a joiner, the rotate itself for its recipients. Two concurrent
   * rotates to one epoch carry different secrets, so holding "epoch n" is not enough to know which.
   */
  readonly keyFrom: string;
}

/**
 * How an identity left the roster: removed by a coordinator, left by itself, moved by its own
 * `rekey` to fresh keys (`successor`), or removed because two concurrent rekeys of it were seen
 * (its key is in two hands at once: nobody inherits it).
 */
export type DepartureKind = 'removed' | 'left' | 'rekeyed' | 'rekey_conflict';

export interface DepartedState {
  readonly kind: DepartureKind;
  readonly opId: string;
  /** For 'rekeyed': the signPk hex the identity moved to. */
  readonly successor?: string;
  readonly member: MemberState;
  /** As MemberState.keyEpoch; grows if a concurrent rotate still sealed a key to them. */
  readonly keyEpoch: number;
  /** As MemberState.keyFrom: which epoch secret they still hold. */
  readonly keyFrom: string;
}

export type InviteStatus = 'open' | 'used' | 'revoked' | 'dead';

export interface InviteState {
  readonly role: Role;
  readonly expiresAt: number;
  /** signPk hex of the coordinator who created it: the invite dies with their departure or demotion. */
  readonly inviter: string;
  readonly opId: string;
  readonly status: InviteStatus;
}

export interface EpochState {
  readonly epoch: number;
  /** The rotate that opened this epoch (the genesis for epoch 0). */
  readonly rotateOpId: string;
  readonly recipients: readonly string[];
  /** Every member's role when the next epoch opened; undefined for the current epoch. */
  readonly rolesAtEnd: ReadonlyMap<string, Role> | undefined;
}

/**
 * The roster while a replay runs. States cached per op (the roster of its causal past) are never
 * mutated again: replays clone before applying.
 */
export interface RosterState {
  genesisId: string | undefined;
  cellName: string | undefined;
  members: Map<string, MemberState>;
  departed: Map<string, DepartedState>;
  invites: Map<string, InviteState>;
  /** Indexed by epoch number; the last entry is the current epoch. */
  epochs: EpochState[];
  coordinators: number;
}

export function emptyState(): RosterState {
  return {
    genesisId: undefined,
    cellName: undefined,
    members: new Map(),
    departed: new Map(),
    invites: new Map(),
    epochs: [],
    coordinators: 0,
  };
}

/** Entries are immutable records, so copying the containers is a full copy. */
export function cloneState(s: RosterState): RosterState {
  return {
    genesisId: s.genesisId,
    cellName: s.cellName,
    members: new Map(s.members),
    departed: new Map(s.departed),
    invites: new Map(s.invites),
    epochs: [...s.epochs],
    coordinators: s.coordinators,
  };
}

/** The current epoch number, or -1 before the genesis. */
export const currentEpoch = (s: RosterState): number => s.epochs.length - 1;

/**
 * The identities `who` was re-keyed from in `s`, nearest first: the old keys of the same person
 * (ops they signed count as theirs when judging concurrency with a departure).
 */
export function predecessorsOf(s: RosterState, who: string): string[] {
  const byNew = new Map<string, string>();
  for (const [hex, d] of s.departed)
    if (d.kind === 'rekeyed' && d.successor !== undefined) byNew.set(d.successor, hex);
  const out: string[] = [];
  for (let prev = byNew.get(who); prev !== undefined && !out.includes(prev); prev = byNew.get(prev))
    out.push(prev);
  return out;
}

/** Where `who` is now: itself, or the current identity it was (transitively) re-keyed to. */
export function successorOf(s: RosterState, who: string): string {
  let current = who;
  for (let i = 0; i <= s.departed.size; i++) {
    const d = s.departed.get(current);
    if (d?.kind !== 'rekeyed' || d.successor === undefined) return current;
    current = d.successor;
  }
  return current;
}
