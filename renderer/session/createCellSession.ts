import { equivocatorsOf } from '../../shared/runtime/equivocatorsOf.ts';
import { fromHex, toHex } from '../../shared/crypto/bytes.ts';
import { memberColour } from '../../shared/identity/memberColour.ts';
import { safetyWords } from '../../shared/identity/safetyWords.ts';
import { deriveInviteSecrets } from '../../shared/invite/deriveInviteSecrets.ts';
import { inviteCodeFor } from '../../shared/invite/inviteCodeFor.ts';
import type { RendezvousInvites } from '../../shared/join/InviteTransport.ts';
import { createInvite, removeMember } from '../../shared/runtime/cellGovernance.ts';
import type { CellRuntime } from '../../shared/runtime/CellRuntime.ts';
import { InviteHosting } from '../../shared/runtime/InviteHosting.ts';
import { formerKeys } from '../../shared/roster/formerKeys.ts';
import { PresenceBridge } from '../../shared/runtime/PresenceBridge.ts';
import { openRelayHello, RELAY_HELLO_FIELD } from '../../shared/sync/relayHello.ts';
import type { SeenStates } from '../../shared/seen/SeenStore.ts';
import type {
  CellGovernance,
  CellSession,
  InviteView,
  MemberView,
  Role,
  SyncStatusView,
} from './CellSession.ts';
import { createCellConnection } from './createCellConnection.ts';
import { createCellHorizon } from './createCellHorizon.ts';
import { createReaderComments } from './createReaderComments.ts';
import { PendingJoins } from './PendingJoins.ts';
import { formerMembers } from './formerMembers.ts';
import { relayReachable } from './relayReachable.ts';

export interface OpenCellSession extends CellSession {
  close(): Promise<void>;
}

/**
 * A CellSession over one CellRuntime: documents and presence for the screens, the roster as
 * member views, and governance (invites hosted while the cell is open, approvals, removal).
 */
export function createCellSession(
  cell: CellRuntime,
  invites: RendezvousInvites | undefined,
  hooks: {
    readonly rekey?: (cell: CellRuntime) => Promise<boolean>;
    /** Closes this session and opens the cell again (new connection settings take effect). */
    readonly reconnect?: () => Promise<void>;
    /** This device's "last seen" state of each draft (sealed in the vault). */
    readonly seen?: SeenStates;
  } = {},
): OpenCellSession {
  const meHex = toHex(cell.me.signPk);
  const listeners = new Set<() => void>();
  const notify = (): void => listeners.forEach((l) => l());
  let lastSyncedAt: number | undefined;

  /** One colour per person: from their first key, so a re-key does not change it. */
  const colourOf = (hex: string, former: readonly string[]): string =>
    memberColour(fromHex(former[former.length - 1] ?? hex) ?? new Uint8Array(32));
  const member = (hex: string): MemberView | undefined => {
    const roster = cell.currentRoster();
    const m = roster.members.get(hex);
    if (!m) return undefined;
    const former = formerKeys(roster, hex);
    return {
      signPkHex: hex,
      pseudonym: m.pseudonym,
      colour: colourOf(hex, former),
      formerKeys: former,
      role: m.role,
      verified: cell.cellRecord.verified.includes(hex),
      // The identity's words: stable across its reboxes (each signed by the identity).
      safetyWords: safetyWords(m.signPk, m.identityBoxPk),
      isMe: hex === meHex,
    };
  };
  // Image documents refused on this device (ids, each counted once; bounded).
  const refusedImages = new Set<string>();
  const presence = new PresenceBridge(cell.sync, cell.cellRecord.cellId, cell.me, (hex) => {
    const m = member(hex);
    return m ? { name: m.pseudonym, color: m.colour } : undefined;
  });

  const setVerified = async (signPkHex: string, verified: boolean): Promise<void> => {
    const rest = cell.cellRecord.verified.filter((h) => h !== signPkHex);
    await cell.update({ verified: verified ? [...rest, signPkHex] : rest });
    notify();
  };
  const pending = new PendingJoins(notify, (hex) => setVerified(hex, true));
  const hosting = invites
    ? new InviteHosting(cell, invites, () => Date.now(), pending.decide)
    : undefined;
  const offCell = cell.onChange(notify);
  const offDocs = cell.sync.onDocChange(() => {
    lastSyncedAt = Date.now();
  });

  /** Why this member connects through the relay only, if she does (the status line says so). */
  const relayOnlyView = (s: {
    readonly signalingConnected: boolean;
    readonly peers: number;
    readonly failedConnections?: number;
  }): Pick<SyncStatusView, 'relayOnly' | 'relayFailing'> => {
    const reason = cell.relay.reason() ?? (cell.cellRecord.relayOnly ? 'device' : undefined);
    if (reason === undefined) return {};
    const failing = s.signalingConnected && s.peers === 0 && (s.failedConnections ?? 0) > 0;
    return { relayOnly: reason, ...(failing ? { relayFailing: true } : {}) };
  };

  /** Keys of the peers in the current room whose awareness carries a valid relay hello. */
  const connectedRelays = (): Set<string> => {
    const keys = new Set<string>();
    const channel = cell.sync.presenceChannel();
    if (!channel) return keys;
    for (const [clientId, state] of channel.awareness.getStates()) {
      if (clientId === channel.awareness.clientID) continue;
      const raw: unknown = (state as Record<string, unknown>)[RELAY_HELLO_FIELD];
      const signPk = openRelayHello(raw, cell.cellRecord.cellId, clientId);
      if (signPk) keys.add(toHex(signPk));
    }
    return keys;
  };

  const inviteViews = (): InviteView[] => {
    const roster = cell.currentRoster();
    return cell.cellRecord.invites.flatMap((inv) => {
      const secret = fromHex(inv.secret);
      if (!secret) return [];
      const idHex = toHex(deriveInviteSecrets(secret).inviteId);
      const code = inviteCodeFor({
        secret,
        cellId: cell.cellRecord.cellId,
        inviterSignPk: cell.me.signPk,
        rendezvousUrls: cell.cellRecord.signaling,
        expiresAt: inv.expiresAt,
      });
      const rs = roster.invites.get(idHex)?.status;
      const status: InviteView['status'] =
        rs === 'used'
          ? 'used'
          : rs === 'revoked' || rs === 'dead'
            ? 'revoked'
            : inv.expiresAt <= Date.now()
              ? 'expired'
              : 'open';
      return code.ok
        ? [
            {
              inviteIdHex: idHex,
              code: code.value,
              role: inv.role,
              expiresAt: inv.expiresAt,
              note: inv.note,
              status,
            },
          ]
        : [];
    });
  };

  const op = (body: Parameters<CellRuntime['publishOp']>[0]): Promise<boolean> =>
    Promise.resolve(cell.publishOp(body).ok);

  const keysLost = (): 'moved' | 'conflict' | undefined => {
    const r = cell.currentRoster();
    if (r.members.has(meHex)) return undefined;
    const mine = [meHex, ...(cell.cellRecord.retired ?? []).map((x) => toHex(x.signPk))];
    if (mine.some((k) => r.rekeyConflicts.has(k))) return 'conflict';
    return r.rekeyed.has(meHex) ? 'moved' : undefined;
  };

  const governance: CellGovernance = {
    myRole: () => cell.currentRoster().members.get(meHex)?.role,
    state: () => (cell.state === 'removed' || keysLost() ? 'removed' : 'active'),
    rotationPending: () => cell.rotationPending(),
    invites: inviteViews,
    createInvite: async (role: Role, ttlMs: number, note: string) => {
      const r = await createInvite(cell, role, ttlMs, note, Date.now());
      hosting?.refresh();
      notify();
      return r.ok ? { ok: true, code: r.value.code } : { ok: false, error: r.error };
    },
    revokeInvite: (inviteIdHex) => {
      const inviteId = fromHex(inviteIdHex);
      return inviteId ? op({ type: 'revoke-invite', inviteId }) : Promise.resolve(false);
    },
    pending: () => pending.views(),
    remove: async (signPkHex) => (await removeMember(cell, signPkHex)).ok,
    setRole: (signPkHex, role) => {
      const m = fromHex(signPkHex);
      return m ? op({ type: 'set-role', member: m, role }) : Promise.resolve(false);
    },
    rename: (pseudonym) => op({ type: 'rename', pseudonym }),
    releaseEquivocator: (signPkHex) => {
      const docs = cell.sync.diagnostics.provenEquivocators.get(signPkHex) ?? new Set<string>();
      let posted = 0;
      for (const docHex of docs) posted += cell.sync.releaseQuarantine(signPkHex, docHex);
      return posted;
    },
    leave: () => op({ type: 'leave' }),
    rekey: async () => {
      if (!hooks.rekey) return false;
      // The cell re-opens under the new keys as a new session: this one lets go of its parts.
      offCell();
      offDocs();
      hosting?.close();
      pending.denyAll();
      presence.destroy();
      return hooks.rekey(cell);
    },
    keysLost,
    rekeyConflicts: () => Array.from(cell.currentRoster().rekeyConflicts.values()),
    setVerified,
    events: () => cell.currentRoster().events,
    onChange: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };

  return {
    cellIdHex: cell.cellRecord.cellIdHex,
    get cellName() {
      return cell.currentRoster().cellName ?? cell.cellRecord.name;
    },
    get me() {
      return (
        member(meHex) ?? {
          signPkHex: meHex,
          pseudonym: cell.me.pseudonym,
          colour: colourOf(meHex, formerKeys(cell.currentRoster(), meHex)),
          // Not in the roster (removed, or left): every peer rejects this identity's writes, so
          // the screens must treat it as read-only rather than offer edits that vanish.
          role: 'reader',
          verified: true,
          safetyWords: safetyWords(
            cell.me.signPk,
            cell.currentRoster().members.get(meHex)?.identityBoxPk ?? cell.me.boxPk,
          ),
          isMe: true,
        }
      );
    },
    doc: (docId) => cell.sync.doc(docId),
    onDocReplaced: (listener) => cell.sync.onDocReplaced(listener),
    authors: (docId) => cell.sync.clientAuthors(docId),
    awareness: (docId) => presence.awarenessFor(docId),
    members: () =>
      Array.from(cell.currentRoster().members.keys()).flatMap((hex) => member(hex) ?? []),
    formerMembers: () => formerMembers(cell.currentRoster(), colourOf),
    onMembersChange: (l) => governance.onChange(l),
    status: (): SyncStatusView => {
      const s = cell.sync.status();
      return {
        rendezvousReachable: s.signalingConnected,
        rendezvousFailed: s.signalingFailed === true,
        peers: s.peers,
        relayReachable: relayReachable(
          Array.from(cell.currentRoster().members, ([signPkHex, m]) => ({
            signPkHex,
            role: m.role,
          })),
          connectedRelays(),
        ),
        lastSyncedAt,
        unsynced: s.unsynced,
        keysAwaited: cell.epochsAwaitingWraps().length,
        relayOnlyWithoutTurn: s.joinRefused === 'relay_only_without_turn',
        ...relayOnlyView(s),
      };
    },
    onStatusChange: (l) => {
      const t = setInterval(l, 1000);
      return () => clearInterval(t);
    },
    ownOverBudget: () =>
      Array.from(cell.sync.diagnostics.ownOverBudget, ([docHex, reason]) => ({ docHex, reason })),
    dismissOwnOverBudget: (docHex) => {
      cell.sync.diagnostics.ownOverBudget.delete(docHex);
    },
    equivocators: () => equivocatorsOf(cell.sync.diagnostics, (hex) => member(hex)?.pseudonym),
    noteRefusedImage: (imageId) => {
      if (refusedImages.size < 10_000) refusedImages.add(imageId);
    },
    diagnostics: () => ({
      ...cell.sync.diagnostics.snapshot(),
      'presence.dropped': presence.dropped,
      'images.refused': refusedImages.size,
      // Prefixed: the invite rooms' "duplicates" and "reinserted" are not the sync engine's.
      ...Object.fromEntries(
        Object.entries(hosting?.stats() ?? {}).map(([name, n]) => [`invites.${name}`, n]),
      ),
    }),
    governance,
    connection: createCellConnection(cell, notify, hooks.reconnect),
    horizon: createCellHorizon(cell, notify),
    readerComments: createReaderComments(cell, notify),
    ...(hooks.seen ? { seen: hooks.seen } : {}),
    close: async () => {
      offCell();
      offDocs();
      hosting?.close();
      pending.denyAll();
      presence.destroy();
      await cell.close();
    },
  };
}
