/**
 * Builders for the invite-room tests: a real cell (genesis, invite and admit ops through
 * shared/roster) whose coordinator answers with real welcomes, and a spy around a Transport that
 * counts joins and closes. Call after `await sodiumReady()`.
 */
import * as Y from 'yjs';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { createInviteSecret } from '../../../shared/invite/createInviteSecret.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { inviteCodeFor } from '../../../shared/invite/inviteCodeFor.ts';
import { inviteCommitment } from '../../../shared/invite/inviteCommitment.ts';
import type { CellConfig, Welcome } from '../../../shared/invite/Welcome.ts';
import type { Admission, JoinRequestView, MadeWelcome } from '../../../shared/join/InviteHost.ts';
import { INVITE_ROOM_MAP } from '../../../shared/join/openInviteRoom.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { createGenesisOp } from '../../../shared/roster/createGenesisOp.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import type { Roster } from '../../../shared/roster/Roster.ts';
import type { Role, RosterOpBody } from '../../../shared/roster/RosterOp.ts';
import type { Room, Transport } from '../../../shared/transport/Transport.ts';

/** The expiry the fixture's codes show (see TestCell.invite). */
export const CODE_EXPIRES_AT = Date.UTC(2099, 0, 1);

export function identity(pseudonym: string): Identity {
  const r = createIdentity(pseudonym);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export interface TestInvite {
  readonly secret: Uint8Array;
  /** What the code commits to: this cell and its coordinator (inviteCommitment). */
  readonly commitment: Uint8Array;
  readonly inviteId: Uint8Array;
  readonly code: string;
  readonly role: Role;
  readonly expiresAt: number;
}

/**
 * A cell held by one coordinator: the roster ops it has authored, epoch 0's key and the config
 * a welcome carries. `makeWelcome` is what the cell runtime does on approval: sign and post the
 * admit op, then build the welcome from the roster that now includes it.
 */
export class TestCell {
  readonly coordinator: Identity;
  readonly cellId: Uint8Array;
  readonly ops = new Map<string, Uint8Array>();
  private heads: string[];
  readonly epochKey = randomBytes(32);
  readonly config: CellConfig;
  makeWelcomeCalls = 0;

  constructor(rendezvousUrls: readonly string[], coordinatorName = 'Coordinator') {
    this.coordinator = identity(coordinatorName);
    this.config = { rendezvousUrls, iceServers: [], relayOnly: false };
    const g = createGenesisOp(this.coordinator, coordinatorName, 'Samizdat');
    if (!g.ok) throw new Error(g.error);
    this.cellId = g.value.cellId;
    this.ops.set(g.value.opId, g.value.bytes);
    this.heads = [g.value.opId];
  }

  post(body: RosterOpBody): string {
    const op = createRosterOp(this.cellId, this.coordinator, this.heads, body);
    if (!op.ok) throw new Error(op.error);
    this.ops.set(op.value.opId, op.value.bytes);
    this.heads = [op.value.opId];
    return op.value.opId;
  }

  roster(): Roster {
    return computeRoster(this.ops.values(), { cellId: this.cellId });
  }

  invite(role: Role = 'member', expiresAt = 10_000_000): TestInvite {
    const secret = createInviteSecret();
    const { inviteId } = deriveInviteSecrets(secret);
    this.post({ type: 'invite', inviteId, role, expiresAt });
    const code = inviteCodeFor({
      secret,
      cellId: this.cellId,
      inviterSignPk: this.coordinator.signPk,
      rendezvousUrls: this.config.rendezvousUrls,
      // Virtual time starts near 0, before any expiry a code may carry (2024..2100): the code
      // shows a fixed date instead. It is informational; the roster's expiresAt decides.
      expiresAt: CODE_EXPIRES_AT,
    });
    if (!code.ok) throw new Error(code.error);
    const commitment = inviteCommitment(secret, this.cellId, this.coordinator.signPk);
    return { secret, commitment, inviteId, code: code.value, role, expiresAt };
  }

  /** Posts the admit op; undefined if the roster refuses it (as the runtime would report). */
  readonly makeWelcome = (
    _req: JoinRequestView,
    a: Admission,
  ): Promise<MadeWelcome | undefined> => {
    this.makeWelcomeCalls++;
    const admitOpId = this.post(a.admit);
    if (!this.roster().applied.includes(admitOpId)) return Promise.resolve(undefined);
    const common = {
      cellId: this.cellId,
      joinerSignPk: a.admit.memberSignPk,
      joinerBoxPk: a.admit.memberBoxPk,
      admitOpId,
      epoch: 0,
      config: this.config,
    };
    const welcome: Welcome =
      a.admit.role === 'relay'
        ? { ...common, variant: 'relay', transportRoots: [{ epoch: 0, key: randomBytes(32) }] }
        : {
            ...common,
            variant: 'member',
            epochKeys: [{ epoch: 0, key: this.epochKey }],
            rosterOps: [...this.ops.values()],
          };
    return Promise.resolve({ welcome });
  };
}

export interface SpyTransport extends Transport {
  joins: number;
  closes: number;
  readonly rooms: Room[];
}

/** Counts joins and closes around a real Transport, so tests can see every room was closed. */
export function spyTransport(inner: Transport): SpyTransport {
  const spy: SpyTransport = {
    joins: 0,
    closes: 0,
    rooms: [],
    join(config, doc) {
      const room = inner.join(config, doc);
      spy.joins++;
      let closed = false;
      const wrapped: Room = {
        ...room,
        status: () => room.status(),
        onStatus: (l) => room.onStatus(l),
        close: () => {
          if (!closed) spy.closes++;
          closed = true;
          room.close();
        },
      };
      spy.rooms.push(wrapped);
      return wrapped;
    },
  };
  return spy;
}

/** A raw peer in an invite room (anyone holding s): reads and writes the frame map directly. */
export function rawPeer(transport: Transport, secret: Uint8Array, signaling: readonly string[]) {
  const { roomName, roomPassword } = deriveInviteSecrets(secret);
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>(INVITE_ROOM_MAP);
  const room = transport.join({ roomName, password: roomPassword, signaling }, doc);
  return { doc, map, room };
}
