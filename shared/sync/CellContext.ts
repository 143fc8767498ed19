import type { Diagnostics } from './Diagnostics.ts';
import type { DocReplica } from './DocReplica.ts';
import type { CellSyncOptions } from './CellSyncOptions.ts';
import type { PendingUpdates } from './PendingUpdates.ts';
import type { Scheduler } from './Scheduler.ts';
import type { SyncLimits } from './SyncLimits.ts';
import type { WireScope } from './WireScope.ts';

/** The state one cell's sync engine shares between its parts (receiver, writer, generations). */
export interface CellContext {
  readonly opts: CellSyncOptions;
  readonly limits: SyncLimits;
  readonly scheduler: Scheduler;
  readonly meHex: string;
  readonly diagnostics: Diagnostics;
  /** Every joined wire doc by `epoch:generation`. */
  readonly scopes: Map<string, WireScope>;
  readonly pending: PendingUpdates;
  /**
   * `${author}:${doc}:${kind}:${seq}` -> the first envelope kept under it. Another copy of the same
   * signed fields is a duplicate; other signed fields under the same key are equivocation.
   */
  readonly seen: Map<string, SeenEntry>;
  replica(docId: Uint8Array): DocReplica;
  /** The document whose checkpoint holds this snapshot envelope, if any (cold open). */
  holderOf(envId: string): DocReplica | undefined;
  current(): WireScope;
  closed(): boolean;
}

/** An envelope accepted under a seen key; `signed` is unknown for a snapshot restored unopened. */
export interface SeenEntry {
  readonly envId: string;
  readonly signed: string | undefined;
  /** An update's hash-chain link: the signed digest (hex) it names for seq - 1. */
  readonly prev?: string;
}

export const seenKey = (authorHex: string, docHex: string, kind: number, seq: number): string =>
  `${authorHex}:${docHex}:${kind}:${seq}`;
