import type { EpochSecrets } from '../crypto/deriveEpochSecrets.ts';
import type { IceServer, Transport } from '../transport/Transport.ts';
import type { RosterPort } from './RosterPort.ts';
import type { Scheduler } from './Scheduler.ts';
import type { SyncLimits } from './SyncLimits.ts';
import type { SyncStore } from './SyncStore.ts';

/** The document id of cell-level envelopes (roster ops, rollover notices). */
export const CELL_DOC_ID = new Uint8Array(16);

export interface CellSyncOptions {
  readonly cellId: Uint8Array;
  readonly me: { readonly signPk: Uint8Array; readonly signSk: Uint8Array };
  /** The newest epoch this member holds a key for: where its writes go. */
  readonly epoch: number;
  /** Secrets of every epoch this member holds (older ones stay readable during the grace period). */
  readonly secretsFor: (epoch: number) => EpochSecrets | undefined;
  readonly roster: RosterPort;
  readonly store: SyncStore;
  /** Omit to work offline. */
  readonly transport?: Transport;
  readonly signaling: readonly string[];
  readonly iceServers?: readonly IceServer[];
  readonly relayOnly?: boolean;
  readonly scheduler?: Scheduler;
  readonly limits?: Partial<SyncLimits>;
  /** Fixed nonces and jitter for seeded simulations; the app uses the CSPRNG and Math.random. */
  readonly nonce?: () => Uint8Array;
  readonly random?: () => number;
  /** A wire doc's own Yjs clientID (simulations make it deterministic). */
  readonly wireClientId?: () => number;
  /** Verified roster ops, in arrival order (the roster computes validity itself). */
  readonly onRosterOp?: (op: Uint8Array, author: Uint8Array) => void;
  /** A roster notice sealed to some member (memberNotice.ts), for the runtime to try to open. */
  readonly onMemberNotice?: (sealed: Uint8Array) => void;
}
