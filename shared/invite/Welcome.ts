/** One ICE server of the cell config, as handed to RTCPeerConnection. */
export interface IceServer {
  /** stun:, turn: or turns: URLs, 1 to 4. */
  readonly urls: readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

/** The cell configuration a joiner needs before it can reach anyone. */
export interface CellConfig {
  /** Canonical ws:// or wss:// rendezvous URLs (validateRendezvousUrl), 1 to 8. */
  readonly rendezvousUrls: readonly string[];
  readonly iceServers: readonly IceServer[];
  /** Use relay (TURN) candidates only: hides the member's IP from peers. */
  readonly relayOnly: boolean;
}

/** A 32-byte secret for one epoch: K_e for members, the transport root for relays. */
export interface EpochSecretEntry {
  readonly epoch: number;
  readonly key: Uint8Array;
}

interface WelcomeCommon {
  readonly cellId: Uint8Array;
  /** The joiner this welcome admits; openWelcome checks both against the opener's own keys. */
  readonly joinerSignPk: Uint8Array;
  readonly joinerBoxPk: Uint8Array;
  /** The opId (lowercase hex, as shared/roster names ops) of the `admit` op that admitted the joiner. */
  readonly admitOpId: string;
  /** The current epoch. */
  readonly epoch: number;
  readonly config: CellConfig;
}

/** For members, readers and coordinators: epoch keys and the roster log. */
export interface MemberWelcome extends WelcomeCommon {
  readonly variant: 'member';
  /**
   * Ascending, distinct epochs ending at `epoch`: only the current key, or also earlier ones when
   * the admit op grants history access.
   */
  readonly epochKeys: readonly EpochSecretEntry[];
  /** Opaque roster ops (shared/roster encodes and validates them). */
  readonly rosterOps: readonly Uint8Array[];
}

/**
 * For a relay: transport roots (deriveEpochSecrets' transportRoot) instead of epoch keys, and no
 * roster: a blind relay must learn neither content nor membership.
 */
export interface RelayWelcome extends WelcomeCommon {
  readonly variant: 'relay';
  /** Ascending, distinct epochs ending at `epoch`. */
  readonly transportRoots: readonly EpochSecretEntry[];
}

export type Welcome = MemberWelcome | RelayWelcome;
