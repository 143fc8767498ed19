import { fromHex, toHex } from '../crypto/bytes.ts';
import { EPOCH_KEY_BYTES, deriveEpochSecrets } from '../crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../crypto/randomBytes.ts';
import type { Identity } from '../identity/createIdentity.ts';
import { createInviteSecret } from '../invite/createInviteSecret.ts';
import { deriveInviteSecrets } from '../invite/deriveInviteSecrets.ts';
import { inviteCodeFor } from '../invite/inviteCodeFor.ts';
import type { Welcome } from '../invite/Welcome.ts';
import { createGenesisOp } from '../roster/createGenesisOp.ts';
import type { AdmitBody, Role } from '../roster/RosterOp.ts';
import type { IceServer } from '../transport/Transport.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { CellRuntime } from './CellRuntime.ts';
import type { CellRecord, InviteRecord } from './Keyring.ts';

/** A new cell: its genesis op (we are the first coordinator) and a fresh epoch-0 key. */
export function createCellRecord(input: {
  identity: Identity;
  name: string;
  signaling: readonly string[];
  iceServers?: readonly IceServer[];
  relayOnly?: boolean;
}): Result<CellRecord, string> {
  if (input.signaling.length === 0) return err('no_rendezvous');
  const genesis = createGenesisOp(input.identity, input.identity.pseudonym, input.name);
  if (!genesis.ok) return err(genesis.error);
  return ok({
    cellId: genesis.value.cellId,
    cellIdHex: toHex(genesis.value.cellId),
    kind: 'member',
    identity: input.identity,
    epochKeys: new Map([[0, randomBytes(EPOCH_KEY_BYTES)]]),
    signaling: [...input.signaling],
    iceServers: [...(input.iceServers ?? [])],
    relayOnly: input.relayOnly ?? false,
    name: input.name,
    invites: [],
    rosterOps: [genesis.value.bytes],
    verified: [],
  });
}

/** Creates a one-time invite: the `invite` op in the roster, the secret kept sealed, the code. */
export async function createInvite(
  cell: CellRuntime,
  role: Role,
  ttlMs: number,
  note: string,
  now: number,
): Promise<Result<{ code: string; invite: InviteRecord }, string>> {
  const secret = createInviteSecret();
  const { inviteId } = deriveInviteSecrets(secret);
  const expiresAt = now + ttlMs;
  const code = inviteCodeFor({
    secret,
    cellId: cell.cellRecord.cellId,
    inviterSignPk: cell.me.signPk,
    rendezvousUrls: cell.cellRecord.signaling,
    expiresAt,
  });
  if (!code.ok) return err(code.error, code.detail);
  const op = cell.publishOp({ type: 'invite', inviteId, role, expiresAt });
  if (!op.ok) return op;
  const invite: InviteRecord = { secret: toHex(secret), role, expiresAt, note };
  await cell.update({ invites: [...cell.cellRecord.invites, invite] });
  return ok({ code: code.value, invite });
}

/**
 * Admits an approved joiner: posts the `admit` op (built by the invite host from the verified
 * request) and returns the welcome, which the host seals to the joiner's box key. Members get the
 * current epoch key (and earlier ones with history access) and the roster; relays get transport
 * roots only and no roster.
 */
export function admitJoiner(cell: CellRuntime, admitBody: AdmitBody): Result<Welcome, string> {
  const admit = cell.publishOp(admitBody);
  if (!admit.ok) return admit;
  const roster = cell.currentRoster();
  if (!roster.applied.includes(admit.value.opId)) {
    const why = roster.rejected.find((r) => r.opId === admit.value.opId);
    return err(why?.reason ?? 'admit_rejected');
  }
  const record = cell.cellRecord;
  const epoch = Math.max(...record.epochKeys.keys());
  const epochs = Array.from(record.epochKeys)
    .filter(([e]) => admitBody.historyAccess || e === epoch)
    .sort(([x], [y]) => x - y);
  const common = {
    cellId: record.cellId,
    joinerSignPk: admitBody.memberSignPk,
    joinerBoxPk: admitBody.memberBoxPk,
    admitOpId: admit.value.opId,
    epoch,
    config: {
      rendezvousUrls: record.signaling,
      iceServers: record.iceServers.map((i) => ({
        ...i,
        urls: typeof i.urls === 'string' ? [i.urls] : i.urls,
      })),
      relayOnly: record.relayOnly,
    },
  };
  if (admitBody.role === 'relay') {
    const transportRoots = epochs.map(([e, key]) => ({
      epoch: e,
      key: deriveEpochSecrets(key, record.cellId, e).transportRoot,
    }));
    return ok({ ...common, variant: 'relay', transportRoots });
  }
  const epochKeys = epochs.map(([e, key]) => ({ epoch: e, key }));
  return ok({ ...common, variant: 'member', epochKeys, rosterOps: cell.roster.allOps() });
}

/**
 * Removes a member: `remove`, then `rotate` to a fresh epoch key sealed to everyone who remains
 * (relays get the transport root only), then moves our own writing to the new epoch. The removed
 * member keeps what they already had; nothing written after this is readable to them.
 */
export async function removeMember(
  cell: CellRuntime,
  memberHex: string,
): Promise<Result<number, string>> {
  const member = fromHex(memberHex);
  if (!member) return err('bad_member');
  const removed = cell.publishOp({ type: 'remove', member });
  if (!removed.ok) return removed;
  return rotateEpoch(cell);
}

/** Rotates to a new epoch key wrapped to every current identity (CellRuntime.rotateKey). */
export function rotateEpoch(cell: CellRuntime): Promise<Result<number, string>> {
  return cell.rotateKey();
}

/** The record a joiner keeps after a verified member welcome. */
export function recordFromWelcome(
  welcome: Welcome,
  identity: Identity,
): Result<CellRecord, string> {
  if (welcome.variant !== 'member') return err('not_a_member_welcome');
  return ok({
    cellId: welcome.cellId,
    cellIdHex: toHex(welcome.cellId),
    kind: 'member',
    identity,
    epochKeys: new Map(welcome.epochKeys.map((e) => [e.epoch, e.key])),
    signaling: welcome.config.rendezvousUrls,
    iceServers: welcome.config.iceServers,
    relayOnly: welcome.config.relayOnly,
    name: '',
    invites: [],
    rosterOps: welcome.rosterOps,
    verified: [],
  });
}
