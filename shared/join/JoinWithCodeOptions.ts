import type { JoinerState } from '../invite/JoinerState.ts';
import type { Scheduler } from '../sync/Scheduler.ts';
import type { IceServer } from '../transport/Transport.ts';
import type { InviteTransport } from './InviteTransport.ts';
import type { AbortSignalLike } from './AbortSignalLike.ts';
import type { JoinCounters } from './JoinCounters.ts';
import type { VerifiedWelcome } from './verifyWelcome.ts';

export interface JoinWithCodeOptions {
  /** The code as typed, pasted or scanned. */
  readonly code: string;
  /** The rendezvous pub/sub (the app, the CLI), or a mesh Transport (in-memory simulations). */
  readonly transport: InviteTransport;
  /** The joiner's fresh identity for this cell (createIdentity). */
  readonly identity: {
    readonly signPk: Uint8Array;
    readonly signSk: Uint8Array;
    readonly boxPk: Uint8Array;
    readonly boxSk: Uint8Array;
  };
  readonly pseudonym: string;
  /** Give up after this long (ms) without a welcome. */
  readonly timeoutMs: number;
  readonly onState?: (state: JoinerState) => void;
  /** Timers and clock; real ones by default. */
  readonly scheduler?: Scheduler;
  /**
   * After a denied/expired/revoked/used notice, keep listening this long (ms, default 5000) for a
   * welcome: notices are forgeable by anyone holding s, and another coordinator may approve.
   */
  readonly noticeGraceMs?: number;
  /** The code carries no ICE servers; the app may add its defaults. */
  readonly iceServers?: readonly IceServer[];
  readonly relayOnly?: boolean;
  readonly signal?: AbortSignalLike;
  /** Drop counts for diagnostics; a fresh one by default. */
  readonly counters?: JoinCounters;
}

export type JoinError =
  /** parseInviteCode refused it; detail = the InviteCodeError (also in the invalid_code state). */
  | 'invalid_code'
  /** Bad identity keys or pseudonym (sealJoinRequest refused them); detail says which. */
  | 'invalid_argument'
  /** The transport refused the room (detail = its message). */
  | 'transport'
  | 'denied'
  | 'expired'
  | 'revoked'
  | 'used'
  | 'timeout'
  /**
   * Nobody the code commits to answered in time, and a welcome from someone else holding the code
   * (a made-up cell, or another signer) was refused: the code was probably intercepted.
   */
  | 'forged_welcome'
  | 'cancelled';

export interface JoinSuccess extends VerifiedWelcome {
  readonly requestId: Uint8Array;
}
