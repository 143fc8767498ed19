/**
 * How a sync peer (syncPeer.ts) gets its cell: a fixed roster and a shared epoch key, or a real
 * roster through CellRuntime (create, invite, join request, admit, join), with its envelopes in
 * a vault over FileStorage in a temp directory, or in memory.
 */
import { openFileStorage, type FileStorage } from '../../../node/storage/FileStorage.ts';
import { fromHex, toHex } from '../../../shared/crypto/bytes.ts';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import type { Identity } from '../../../shared/identity/createIdentity.ts';
import { decodeWelcomeBody } from '../../../shared/invite/decodeWelcomeBody.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { encodeWelcomeBody } from '../../../shared/invite/encodeWelcomeBody.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import {
  admitJoiner,
  createCellRecord,
  createInvite,
  recordFromWelcome,
} from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { saveKeyring, type CellRecord } from '../../../shared/runtime/Keyring.ts';
import { CellSync } from '../../../shared/sync/CellSync.ts';
import { fixedRoster, type FixedRole } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import { SealedSyncStore } from '../../../shared/sync/SealedSyncStore.ts';
import type { SyncLimits } from '../../../shared/sync/SyncLimits.ts';
import type { SyncStore } from '../../../shared/sync/SyncStore.ts';
import type { Transport } from '../../../shared/transport/Transport.ts';
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import type { Vault } from '../../../shared/vault/Vault.ts';
import { FAST, PASS, TEST_FLOOR } from '../../unit/vault/vaultFixture.ts';

const hex = (s: string): Uint8Array => {
  const b = fromHex(s);
  if (!b) throw new Error(`not hex: ${s.slice(0, 20)}`);
  return b;
};

/** A peer's open cell: the engine, its store, and the runtime when the roster is real. */
export interface PeerCell {
  readonly sync: CellSync;
  readonly store: SyncStore;
  readonly runtime?: CellRuntime;
  readonly storage?: FileStorage;
}

/** A vault over FileStorage in `dir` (fast KDF: this is a test fixture, not the app's floor). */
export async function openVault(dir: string): Promise<{ storage: FileStorage; vault: Vault }> {
  const storage = await openFileStorage(dir);
  const created = await createVault(storage, PASS, {
    kdf: argon2idKdf,
    params: FAST,
    floor: TEST_FLOOR,
  });
  if (!created.ok) throw new Error(`createVault: ${created.error}`);
  return { storage, vault: created.value };
}

export interface FixedCellArgs {
  readonly me: Identity;
  readonly cellId: string;
  readonly epochKey: string;
  readonly members: ReadonlyArray<{ signPk: string; role: FixedRole }>;
  readonly signaling: readonly string[];
  /** A temp directory: SealedSyncStore in a vault there; none: MemorySyncStore. */
  readonly dir?: string;
  readonly limits?: Partial<SyncLimits>;
  readonly transport: Transport;
}

/** A CellSync with a fixed roster and epoch 0 from a shared key. */
export async function openFixedCell(a: FixedCellArgs): Promise<PeerCell> {
  const cellId = hex(a.cellId);
  const secrets = deriveEpochSecrets(hex(a.epochKey), cellId, 0);
  let store: SyncStore = new MemorySyncStore();
  let storage: FileStorage | undefined;
  if (a.dir !== undefined) {
    const v = await openVault(a.dir);
    storage = v.storage;
    store = new SealedSyncStore(v.vault.store, a.cellId);
  }
  const sync = await CellSync.open({
    cellId,
    me: a.me,
    epoch: 0,
    secretsFor: (e) => (e === 0 ? secrets : undefined),
    roster: fixedRoster(a.members.map((m) => ({ signPk: hex(m.signPk), role: m.role }))),
    store,
    transport: a.transport,
    signaling: a.signaling,
    iceServers: [],
    ...(a.limits ? { limits: a.limits } : {}),
  });
  return { sync, store, ...(storage ? { storage } : {}) };
}

/** A CellRuntime over a vault in `dir`; the record is kept in the sealed keyring, as the app does. */
export async function openRuntimeCell(
  record: CellRecord,
  dir: string,
  transport: Transport,
  limits?: Partial<SyncLimits>,
): Promise<PeerCell> {
  const { storage, vault } = await openVault(dir);
  await saveKeyring(vault.store, [record]);
  const runtime = await CellRuntime.open({
    record,
    sealed: vault.store,
    transport,
    saveRecord: (r) => saveKeyring(vault.store, [r]),
    ...(limits ? { limits } : {}),
  });
  const store = new SealedSyncStore(vault.store, record.cellIdHex);
  return { sync: runtime.sync, store, runtime, storage };
}

/** The coordinator's new cell, named `name`. */
export function newCellRecord(
  me: Identity,
  name: string,
  signaling: readonly string[],
): CellRecord {
  const created = createCellRecord({ identity: me, name, signaling });
  if (!created.ok) throw new Error(`createCellRecord: ${created.error}`);
  return created.value;
}

/** Coordinator: a member invite; returns its secret (what the invite code carries). */
export async function inviteSecret(runtime: CellRuntime): Promise<string> {
  const inv = await createInvite(runtime, 'member', 3_600_000, '', Date.now());
  if (!inv.ok) throw new Error(`createInvite: ${inv.error}`);
  return inv.value.invite.secret;
}

/** Joiner: the fields of a join request for the invite (joinWithCode builds the same). */
export function joinRequest(me: Identity, secret: string): Record<string, string> {
  const { inviteId } = deriveInviteSecrets(hex(secret));
  const proof = signDetached(
    me.signSk,
    LABELS.joinProof,
    joinerSignatureMessage(inviteId, me.signPk, me.boxPk, me.pseudonym),
  );
  return {
    signPk: toHex(me.signPk),
    boxPk: toHex(me.boxPk),
    pseudonym: me.pseudonym,
    joinerSignature: toHex(proof),
  };
}

/** Coordinator: admits the requester (as after comparing safety words); returns the welcome body. */
export function admit(
  runtime: CellRuntime,
  secret: string,
  request: Readonly<Record<string, unknown>>,
): string {
  const field = (k: string): string => {
    const v = request[k];
    if (typeof v !== 'string') throw new Error(`request.${k} missing`);
    return v;
  };
  const { inviteId } = deriveInviteSecrets(hex(secret));
  const body = admitBodyFor(
    {
      version: 1,
      signPk: hex(field('signPk')),
      boxPk: hex(field('boxPk')),
      requestId: randomBytes(16),
      createdAt: Date.now(),
      pseudonym: field('pseudonym'),
      joinerSignature: hex(field('joinerSignature')),
    },
    inviteId,
    'member',
    true,
    Date.now(),
  );
  const welcome = admitJoiner(runtime, body);
  if (!welcome.ok) throw new Error(`admitJoiner: ${welcome.error}`);
  const encoded = encodeWelcomeBody(welcome.value);
  if (!encoded.ok) throw new Error(`encodeWelcomeBody: ${encoded.error}`);
  return toHex(encoded.value);
}

/** Joiner: its record from the welcome body (the invite room delivers it sealed and signed). */
export function recordFromWelcomeBody(me: Identity, welcomeHex: string): CellRecord {
  const welcome = decodeWelcomeBody(hex(welcomeHex));
  if (!welcome.ok) throw new Error(`decodeWelcomeBody: ${welcome.error}`);
  const record = recordFromWelcome(welcome.value, me);
  if (!record.ok) throw new Error(`recordFromWelcome: ${record.error}`);
  return record.value;
}
