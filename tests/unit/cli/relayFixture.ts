/**
 * A cell over the in-memory network (tests/support/MemoryNetwork) with members as CellRuntimes
 * and a blind relay as a RelayCell, each with its own vault: what relayCell.test.ts drives.
 */
import { fromHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import type { JoinRequest } from '../../../shared/invite/JoinRequest.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import type { Role } from '../../../shared/roster/RosterOp.ts';
import {
  admitJoiner,
  createCellRecord,
  createInvite,
  recordFromWelcome,
} from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import type { SyncLimits } from '../../../shared/sync/SyncLimits.ts';
import type { SealedStore } from '../../../shared/vault/SealedStore.ts';
import { RelayCell } from '../../../node/relay/RelayCell.ts';
import type { RelayLimits } from '../../../node/relay/RelayLimits.ts';
import { relayRecordFromWelcome } from '../../../node/relay/relayRecordFromWelcome.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { fastVault } from '../vault/vaultFixture.ts';
import { inviteClock } from '../../support/inviteClock.ts';

export const DOC = new Uint8Array(16).fill(7);
const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

export function identity(name: string): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function admitFor(joiner: Identity, inviteSecretHex: string, role: Role) {
  const { inviteId } = deriveInviteSecrets(fromHex(inviteSecretHex)!);
  const request: JoinRequest = {
    version: 1,
    signPk: joiner.signPk,
    boxPk: joiner.boxPk,
    requestId: randomBytes(16),
    createdAt: 0,
    pseudonym: joiner.pseudonym,
    joinerSignature: signDetached(
      joiner.signSk,
      LABELS.joinProof,
      joinerSignatureMessage(inviteId, joiner.signPk, joiner.boxPk, joiner.pseudonym),
    ),
  };
  return admitBodyFor(request, inviteId, role, true, 0);
}

export class RelayWorld {
  readonly scheduler = new VirtualScheduler();
  readonly net = new MemoryNetwork(this.scheduler, Math.random, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 20,
    reconnectMs: 10,
  });
  private readonly stores = new Map<string, SealedStore>();

  static async create(): Promise<{ world: RelayWorld; a: CellRuntime }> {
    await sodiumReady();
    const world = new RelayWorld();
    const created = createCellRecord({
      identity: identity('Anna'),
      name: 'Cell canary',
      signaling: ['ws://127.0.0.1:1'],
    });
    if (!created.ok) throw new Error(created.error);
    const a = await world.openMember(created.value, 0);
    return { world, a };
  }

  advance(ms: number): Promise<void> {
    return this.scheduler.advance(ms, settle);
  }

  /** The sealed store of one participant (one per name: a restart reuses it). */
  async store(name: string): Promise<SealedStore> {
    let store = this.stores.get(name);
    if (!store) {
      store = (await fastVault()).vault.store;
      this.stores.set(name, store);
    }
    return store;
  }

  async openMember(
    record: CellRecord,
    peer: number,
    limits?: Partial<SyncLimits>,
  ): Promise<CellRuntime> {
    return CellRuntime.open({
      record,
      sealed: await this.store(record.identity.pseudonym),
      transport: this.net.transportFor(peer),
      saveRecord: () => Promise.resolve(),
      scheduler: this.scheduler,
      ...(limits ? { limits } : {}),
    });
  }

  async openRelay(
    record: CellRecord,
    peer: number,
    limits?: Partial<RelayLimits>,
  ): Promise<RelayCell> {
    return RelayCell.open({
      record,
      sealed: await this.store('relay'),
      transport: this.net.transportFor(peer),
      scheduler: this.scheduler,
      ...(limits ? { limits } : {}),
    });
  }

  /** Invites and admits `name` into `coordinator`'s cell; returns the joiner's record. */
  async admit(coordinator: CellRuntime, name: string, role: Role): Promise<CellRecord> {
    const inv = await createInvite(
      coordinator,
      role,
      3_600_000,
      '',
      inviteClock(this.scheduler.now()),
    );
    if (!inv.ok) throw new Error(inv.error);
    const who = identity(name);
    const welcome = admitJoiner(coordinator, admitFor(who, inv.value.invite.secret, role));
    if (!welcome.ok) throw new Error(welcome.error);
    const rec =
      role === 'relay'
        ? relayRecordFromWelcome(welcome.value, who)
        : recordFromWelcome(welcome.value, who);
    if (!rec.ok) throw new Error(rec.error);
    return rec.value;
  }
}

export const text = (cell: CellRuntime): string => cell.sync.doc(DOC).getText('t').toJSON();
