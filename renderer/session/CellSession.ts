import type { HorizonSetting } from '../../shared/cell/readHorizonPolicy.ts';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import type { RosterEvent } from '../../shared/roster/Roster.ts';
import type { SeenStates } from '../../shared/seen/SeenStore.ts';

export type Role = 'coordinator' | 'member' | 'reader' | 'relay';

/** A member as the UI shows them: pseudonyms only, never a real name. */
export interface MemberView {
  readonly signPkHex: string;
  readonly pseudonym: string;
  readonly colour: string;
  readonly role: Role;
  /** This device's user compared safety words with them. */
  readonly verified: boolean;
  /** 8 words; compare out of band. */
  readonly safetyWords: readonly string[];
  readonly isMe: boolean;
  /**
   * This person's earlier keys (signPk hex, nearest first) if they re-keyed ("my device was out of
   * my hands"): content signed by those keys is theirs. Their safety words changed with the keys.
   */
  readonly formerKeys?: readonly string[];
}

/**
 * Someone who was a member and is no longer: removed by a coordinator (or for a rekey conflict),
 * or left. Their pseudonym as it was, so their tasks and edits still say who.
 */
export interface FormerMemberView {
  readonly signPkHex: string;
  readonly pseudonym: string;
  readonly colour: string;
  readonly kind: 'removed' | 'left';
  /** Keys they re-keyed away from before departing (content signed by those is theirs too). */
  readonly formerKeys: readonly string[];
}

export interface SyncStatusView {
  readonly rendezvousReachable: boolean;
  /** Not reachable, and every rendezvous server's attempt failed (not a first one under way). */
  readonly rendezvousFailed: boolean;
  readonly peers: number;
  readonly relayReachable: boolean | undefined;
  readonly lastSyncedAt: number | undefined;
  /** Local edits not yet sealed and published. */
  readonly unsynced: number;
  /** Relay-only is on and the cell has no TURN server: offline, never a direct connection. */
  readonly relayOnlyWithoutTurn?: boolean;
  /**
   * Relay-only is on, and why: this device's setting, the member said she is inside the country,
   * or a coordinator set it for the whole cell. Absent: direct connections are allowed.
   */
  readonly relayOnly?: 'device' | 'inside' | 'cell';
  /**
   * Relay-only is on, the rendezvous is reachable, no member is connected and connections to
   * members there have failed: the TURN server is down or unreachable (never a direct fallback).
   */
  readonly relayFailing?: boolean;
  /**
   * Epochs whose key this device has not got because every copy of their rotation it was given
   * had its wraps pruned (another member passed the history horizon first): it waits for a member
   * who still holds a full copy, and meanwhile writes in the newest epoch it has.
   */
  readonly keysAwaited?: number;
}

/**
 * What a screen of an open cell may use. The session layer (renderer/session) implements it over
 * the encrypted sync engine; screens never see keys, envelopes or the network.
 */
export interface CellSession {
  readonly cellIdHex: string;
  readonly cellName: string;
  readonly me: MemberView;
  /** A content document of the cell (16-byte id): drafts, the task board, the cell index. */
  doc(docId: Uint8Array): Y.Doc;
  /**
   * Called with a document's id (hex) when `doc(docId)` returns a new Y.Doc (a forked document
   * rebuilt on its canonical version): views holding the old one take it again. Absent where
   * documents are never replaced (harnesses without the sync engine).
   */
  onDocReplaced?(listener: (docIdHex: string) => void): () => void;
  /**
   * Who wrote what in a content document: the verified author of a Yjs clientID (the sync
   * engine's clientID claims). Attribution and self-declarations are read through it, never from
   * fields a writer fills in (shared/cell readers).
   */
  authors(docId: Uint8Array): ClientAuthors;
  /**
   * A local Awareness for one content document: set the local state (cursor, user {name, colour})
   * and read others'. The session seals and signs it into the wire awareness (DESIGN §4 Presence).
   */
  awareness(docId: Uint8Array): Awareness;
  members(): readonly MemberView[];
  /** People no longer in the roster (changes with members: onMembersChange). */
  formerMembers(): readonly FormerMemberView[];
  onMembersChange(listener: () => void): () => void;
  status(): SyncStatusView;
  onStatusChange(listener: () => void): () => void;
  /** Counts of rejected envelopes by reason, and other counters. */
  diagnostics(): Readonly<Record<string, number>>;
  /**
   * Notes an image document this device refused to show or export (readImageDoc: not the
   * sanitiser's form, bad digest, bad header...); each counted once in diagnostics.
   */
  noteRefusedImage(imageId: string): void;
  /**
   * Members proven to have signed two different versions of one edit (a fork proof every member
   * checks for itself, or both versions seen here): pseudonyms, or undefined for someone no longer
   * in the roster (their key's start instead).
   */
  equivocators(): readonly { readonly signPkHex: string; readonly pseudonym?: string }[];
  /**
   * Documents (hex id) where this device wrote more than other members accept, so they refused
   * it: one edit over the update budget, or the document past its size budget. Until dismissed.
   */
  ownOverBudget(): readonly { readonly docHex: string; readonly reason: 'update' | 'document' }[];
  dismissOwnOverBudget(docHex: string): void;
  /** Membership actions; absent in harnesses without a roster. */
  readonly governance?: CellGovernance;
  /** This device's connection settings for the cell; absent in harnesses. */
  readonly connection?: CellConnectionSettings;
  /** The cell's history horizon (issue 15 item 2). */
  readonly horizon?: CellHorizonSettings;
  /** Whether readers may comment (issue 17); absent in harnesses without a roster. */
  readonly readerComments?: CellReaderCommentsSettings;
  /**
   * What this member last saw of each draft, stored sealed on this device only (never in the
   * cell): "changed since you last looked". Absent in harnesses without a vault.
   */
  readonly seen?: SeenStates;
}

/** How long the cell keeps its past, as the cell settings and the versions panel show it. */
export interface CellHorizonView {
  readonly setting: HorizonSetting;
  /** Someone who is not a coordinator changed it: the shortest choice counts. */
  readonly tampered: boolean;
  /** This member is a coordinator: may change it and rotate now. */
  readonly editable: boolean;
  /** Members who have not yet acknowledged the current epoch (its past is kept until they do). */
  readonly waiting: number;
}

export interface CellHorizonSettings {
  get(): CellHorizonView;
  /** A coordinator sets the horizon; false if this member may not. */
  set(value: number | 'issue'): boolean;
  /** A coordinator rotates the epoch key now (the past goes once everyone acknowledged). */
  rotateNow(): Promise<void>;
  /** An issue's PDF was saved: with "until the next issue", a coordinator's device rotates. */
  issuePrinted(): Promise<void>;
}

/** Readers comment or only read: the coordinators' choice, as the settings screen shows it. */
export interface CellReaderCommentsView {
  /** What a coordinator chose (off unless a coordinator now turned it on). */
  readonly on: boolean;
  /** Someone who is not a coordinator changed the choice: it reads as off. */
  readonly tampered: boolean;
  /** This member is a coordinator: may change it and change the key now. */
  readonly editable: boolean;
  /** Readers may comment in the epoch this device writes in now (what peers enforce). */
  readonly allowedNow: boolean;
}

export interface CellReaderCommentsSettings {
  get(): CellReaderCommentsView;
  /** A coordinator's choice; false if this member may not. */
  set(on: boolean): boolean;
  /** A coordinator changes the key now: a choice of "off" then stops readers' comments at once. */
  rotateNow(): Promise<void>;
}

export interface IceServerView {
  readonly urls: readonly string[];
  readonly username?: string;
  readonly credential?: string;
}

export interface CellConnection {
  readonly signaling: readonly string[];
  readonly iceServers: readonly IceServerView[];
  readonly relayOnly: boolean;
  /** Relay-only cannot be turned off: the member said she is inside, or the cell requires it. */
  readonly relayOnlyRequired?: 'inside' | 'cell';
  /**
   * The cell-wide "nobody sees anybody's IP" setting as a coordinator wrote it (tampered: someone
   * else wrote or deleted it, so it counts as on); editable by a coordinator only.
   */
  readonly cellPolicy?: {
    readonly on: boolean;
    readonly tampered: boolean;
    readonly editable: boolean;
  };
}

/** Rendezvous URLs, ICE servers and relay-only mode of one cell on this device. */
export interface CellConnectionSettings {
  get(): CellConnection;
  /** Validates and stores; takes effect when the cell is next opened (e.g. after lock/unlock). */
  set(
    next: CellConnection,
  ): Promise<
    { ok: true } | { ok: false; error: 'bad_url' | 'no_rendezvous' | 'relay_only_needs_turn' }
  >;
  /** A coordinator sets the cell-wide relay-only setting; false if this member may not. */
  setCellPolicy?(on: boolean): boolean;
  /**
   * "Reconnect now": closes the cell and opens it again with the saved settings (screens follow
   * the new session). Absent where the cell cannot be reopened (harnesses).
   */
  reconnect?(): Promise<void>;
}

export interface InviteView {
  readonly inviteIdHex: string;
  readonly code: string;
  readonly role: Role;
  readonly expiresAt: number;
  /** Only this device sees it. */
  readonly note: string;
  readonly status: 'open' | 'used' | 'revoked' | 'expired';
}

export interface PendingJoin {
  readonly requestIdHex: string;
  readonly pseudonym: string;
  /** Compare with what the joiner reads out from their screen before approving. */
  readonly safetyWords: readonly string[];
  readonly role: Role;
  approve(historyAccess: boolean): void;
  deny(): void;
}

/** Membership actions of one cell (the Members screen). Each is checked again by every peer's roster. */
export interface CellGovernance {
  myRole(): Role | undefined;
  /** 'removed' once the roster says we were removed or left: the cell stops syncing. */
  state(): 'active' | 'removed';
  invites(): readonly InviteView[];
  createInvite(
    role: Role,
    ttlMs: number,
    note: string,
  ): Promise<{ ok: true; code: string } | { ok: false; error: string }>;
  revokeInvite(inviteIdHex: string): Promise<boolean>;
  pending(): readonly PendingJoin[];
  remove(signPkHex: string): Promise<boolean>;
  setRole(signPkHex: string, role: Role): Promise<boolean>;
  rename(pseudonym: string): Promise<boolean>;
  /**
   * As a coordinator: lets the held edits of a member proven to fork (quarantine, PROTOCOL §5.2)
   * in again, in every document the proofs name. How many releases were posted.
   */
  releaseEquivocator(signPkHex: string): number;
  leave(): Promise<boolean>;
  /**
   * "My device was out of my hands": new keys for this member, the cell re-opened under them (the
   * app session replaces this session). True once the re-key counted.
   */
  rekey(): Promise<boolean>;
  /**
   * Why this device's identity is out of the roster, when a re-key explains it: 'moved' (our key
   * was re-keyed on another device), 'conflict' (two devices re-keyed it at once: removed).
   */
  keysLost(): 'moved' | 'conflict' | undefined;
  /**
   * A removal (or leave) that is not effective yet: someone who departed still holds the cell's
   * current key, or a member lacks it, until a coordinator's rotation counts (automatic).
   */
  rotationPending(): boolean;
  /** Pseudonyms of people removed because their key was re-keyed on two devices at once. */
  rekeyConflicts(): readonly string[];
  setVerified(signPkHex: string, verified: boolean): Promise<void>;
  /** Counted admits, removals, leaves and role changes, oldest first (every member sees it). */
  events(): readonly RosterEvent[];
  /** Any change to roster, invites or pending requests. */
  onChange(listener: () => void): () => void;
}
