import type { CellRecord } from '../../shared/runtime/Keyring.ts';
import type { Scheduler } from '../../shared/sync/Scheduler.ts';
import type { Transport } from '../../shared/transport/Transport.ts';
import type { SealedStore } from '../../shared/vault/SealedStore.ts';
import type { RelayLimits } from './RelayLimits.ts';

export interface RelayCellOptions {
  /** A relay record (kind 'relay': epochKeys hold transport roots). */
  readonly record: CellRecord;
  readonly sealed: SealedStore;
  /** Omit to only load and maintain (tests). */
  readonly transport?: Transport;
  readonly limits?: Partial<RelayLimits>;
  readonly scheduler?: Scheduler;
  /** One generic line per problem; never content, names or keys. */
  readonly onError?: (message: string) => void;
}

/** Counts only (the operator's view): nothing here tells content, names or members. */
export interface RelayStats {
  readonly lines: number;
  readonly rooms: number;
  readonly entries: number;
  readonly bytes: number;
  readonly junk: number;
  readonly reinserted: number;
  readonly overQuota: number;
  readonly evicted: number;
  readonly notices: number;
  readonly joinFailures: number;
  /** Forget notices proven by a line's root (history horizon), refused ones, epochs forgotten. */
  readonly forgetNotices: number;
  readonly forgetRefused: number;
  readonly forgotten: number;
}
