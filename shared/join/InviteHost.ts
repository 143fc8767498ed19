import type { WelcomeSigner } from '../invite/sealWelcome.ts';
import type { InviteNoticeKind } from '../invite/InviteNotice.ts';
import type { Welcome } from '../invite/Welcome.ts';
import type { AdmitBody, Role } from '../roster/RosterOp.ts';
import type { IceServer, RoomStatus } from '../transport/Transport.ts';
import type { InviteTransport } from './InviteTransport.ts';

/** A verified join request as the coordinator's UI shows it. */
export interface JoinRequestView {
  readonly requestId: Uint8Array;
  readonly pseudonym: string;
  readonly signPk: Uint8Array;
  readonly boxPk: Uint8Array;
  /** safetyWords(signPk, boxPk): the coordinator compares them with the joiner's before approving. */
  readonly safetyWords: readonly string[];
}

export type Decision =
  { readonly approve: true; readonly historyAccess: boolean } | { readonly approve: false };

/** What the caller needs to admit an approved joiner. */
export interface Admission {
  readonly historyAccess: boolean;
  /** Ready to sign as an `admit` roster op (createRosterOp) and post to the cell. */
  readonly admit: AdmitBody;
}

export interface MadeWelcome {
  /** Names the posted admit op (admitOpId) and carries the roster including it. */
  readonly welcome: Welcome;
}

export interface HostInviteOptions {
  /** The invite secret s (32 bytes); its invite op is already in the roster. */
  readonly secret: Uint8Array;
  /** The cell the code commits to (with the signer's key): checked on every welcome before sending. */
  readonly cellId: Uint8Array;
  /** The rendezvous pub/sub (the app, the CLI), or a mesh Transport (in-memory simulations). */
  readonly transport: InviteTransport;
  /** The cell's rendezvous URLs (those in the code among them). */
  readonly signaling: readonly string[];
  readonly iceServers?: readonly IceServer[];
  readonly relayOnly?: boolean;
  /** From the roster's invite op. */
  readonly inviteRecord: { readonly role: Role; readonly expiresAt: number };
  /** The coordinator's clock (ms): expiry is judged by it. */
  readonly now: () => number;
  /** Shows one request (once per joiner) and resolves with the coordinator's answer. */
  readonly decide: (request: JoinRequestView) => Promise<Decision>;
  /**
   * Called for an approval while the invite is open, one call at a time: post the admit op
   * (signed by a coordinator) and return the welcome, or undefined if it could not be posted (the
   * request then stays unanswered and the invite open). Once it returns a welcome the invite is
   * spent and it is never called again.
   */
  readonly makeWelcome: (
    request: JoinRequestView,
    admission: Admission,
  ) => Promise<MadeWelcome | undefined>;
  /** Signs the welcome; must be a coordinator in the welcome's roster. */
  readonly signer: WelcomeSigner;
  /** Distinct joiners answered at most (default 32); further requests are dropped. */
  readonly maxRequests?: number;
}

/** What the host has said to one joiner: a welcome, or a notice. */
export type InviteAnswer = 'welcome' | InviteNoticeKind;

/**
 * - no_welcome: makeWelcome returned undefined; callback_failed: decide or makeWelcome threw;
 * - welcome_mismatch: the welcome would not pass the joiner's checks (wrong keys, roster, signer);
 * - seal_failed: sealWelcome refused it (too large, bad key).
 */
export type AdmitFailure = 'no_welcome' | 'callback_failed' | 'welcome_mismatch' | 'seal_failed';

export type InviteHostEvent =
  | { readonly type: 'request'; readonly request: JoinRequestView }
  | {
      readonly type: 'answered';
      readonly requestId: Uint8Array;
      readonly signPk: Uint8Array;
      readonly answer: InviteAnswer;
    }
  | {
      readonly type: 'admit_failed';
      readonly requestId: Uint8Array;
      readonly reason: AdmitFailure;
      readonly detail?: string;
    };

export type InviteHostState = 'open' | 'used' | 'expired' | 'revoked' | 'closed';

export interface InviteHostHandle {
  state(): InviteHostState;
  /** Requests (also those answered at once: a request for a spent code may mean interception). */
  onEvent(listener: (event: InviteHostEvent) => void): () => void;
  /**
   * The invite is over for another reason (revoke-invite or the inviter's removal: 'revoked';
   * another coordinator admitted someone with it: 'used'): every unanswered and future request
   * gets that notice.
   */
  retire(kind: 'revoked' | 'used'): void;
  stats(): Record<string, number>;
  roomStatus(): RoomStatus;
  /** Leaves the room. Keep it open long enough for the joiner to receive its answer. */
  close(): void;
}
