/**
 * A member's laptop was out of their hands (a border check, a raid): whoever imaged it holds a
 * copy of the cell record, identity secrets included. In-process cell (MemoryNetwork, virtual
 * time, real engines and roster ops): the copy follows every rotation until the member re-keys.
 */
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { deriveInviteSecrets } from '../../../shared/invite/deriveInviteSecrets.ts';
import { joinerSignatureMessage } from '../../../shared/invite/joinerSignatureMessage.ts';
import type { JoinRequest } from '../../../shared/invite/JoinRequest.ts';
import { admitBodyFor } from '../../../shared/join/admitBodyFor.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import type { Role } from '../../../shared/roster/RosterOp.ts';
import {
  admitJoiner,
  createCellRecord,
  createInvite,
  recordFromWelcome,
  rotateEpoch,
} from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import type { Result } from '../../../shared/util/result.ts';
import type { Vault } from '../../../shared/vault/Vault.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { prng } from '../../support/prng.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { fastVault } from '../vault/vaultFixture.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));
const DOC = new Uint8Array(16).fill(9);

function identity(name: string): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** One device: its own vault (kept across re-opens), its latest saved record, its network peer. */
interface Device {
  readonly vault: Vault;
  readonly peer: number;
  saved: CellRecord;
}

interface RekeyOptions {
  readonly sealed: Vault['store'];
  readonly saveRecord: (record: CellRecord) => Promise<void>;
  readonly reopen: (record: CellRecord) => Promise<CellRuntime>;
}
type RekeySelf = (
  cell: CellRuntime,
  opts: RekeyOptions,
) => Promise<Result<{ runtime: CellRuntime; rotatedTo: number | undefined }, string>>;

/** The self re-key, if this build has one. */
async function loadRekeySelf(): Promise<RekeySelf | undefined> {
  const path = '../../../shared/runtime/rekeySelf.ts';
  try {
    const mod = (await import(/* @vite-ignore */ path)) as { rekeySelf?: RekeySelf };
    return mod.rekeySelf;
  } catch {
    return undefined;
  }
}

async function world() {
  await sodiumReady();
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, prng(41), {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 20,
    reconnectMs: 10,
  });
  const advance = (ms: number) => scheduler.advance(ms, settle);
  const device = async (record: CellRecord, peer: number): Promise<Device> => ({
    vault: (await fastVault()).vault,
    peer,
    saved: record,
  });
  const open = (d: Device, record: CellRecord = d.saved): Promise<CellRuntime> =>
    CellRuntime.open({
      record,
      sealed: d.vault.store,
      transport: net.transportFor(d.peer),
      saveRecord: (r) => {
        d.saved = r;
        return Promise.resolve();
      },
      scheduler,
    });
  const created = createCellRecord({
    identity: identity('Anna'),
    name: 'Cell',
    signaling: ['ws://127.0.0.1:1'],
  });
  if (!created.ok) throw new Error(created.error);
  const annaDevice = await device(created.value, 0);
  const anna = await open(annaDevice);
  const admit = async (name: string, role: Role, peer: number) => {
    const inv = await createInvite(anna, role, 3_600_000, '', scheduler.now());
    if (!inv.ok) throw new Error(inv.error);
    const who = identity(name);
    const { inviteId } = deriveInviteSecrets(fromHex(inv.value.invite.secret)!);
    const request: JoinRequest = {
      version: 1,
      signPk: who.signPk,
      boxPk: who.boxPk,
      requestId: randomBytes(16),
      createdAt: 0,
      pseudonym: who.pseudonym,
      joinerSignature: signDetached(
        who.signSk,
        LABELS.joinProof,
        joinerSignatureMessage(inviteId, who.signPk, who.boxPk, who.pseudonym),
      ),
    };
    const welcome = admitJoiner(anna, admitBodyFor(request, inviteId, role, true, 0));
    if (!welcome.ok) throw new Error(welcome.error);
    const rec = recordFromWelcome(welcome.value, who);
    if (!rec.ok) throw new Error(rec.error);
    const d = await device(rec.value, peer);
    return { device: d, runtime: await open(d) };
  };
  return { scheduler, advance, open, device, anna, annaDevice, admit };
}

const text = (rt: CellRuntime): string => rt.sync.doc(DOC).getText('t').toJSON();
const write = (rt: CellRuntime, s: string): void => {
  const t = rt.sync.doc(DOC).getText('t');
  t.insert(t.length, s);
};

/** Can this copy of an identity open the wrap of the rotate that opened `epoch`? */
function opensEpoch(holder: CellRuntime, copy: Identity, epoch: number): boolean {
  const roster = holder.currentRoster();
  const rotateId = roster.epochs[epoch]?.rotateOpId;
  const bytes = holder.roster.allOps().find((op) => {
    const d = decodeRosterOp(op);
    return d.ok && d.value.opId === rotateId;
  });
  const d = bytes && decodeRosterOp(bytes);
  if (!d?.ok || d.value.body.type !== 'rotate') return false;
  return openEpochWrap(d.value.body, holder.cellRecord.cellId, copy).ok;
}

describe('self re-key: the imaged copy of a device', () => {
  it('follows every rotation today; after a re-key and the next rotation it is locked out', async () => {
    const w = await world();
    const { anna } = w;
    const boris = await w.admit('Boris', 'member', 1);
    const chen = await w.admit('Chen', 'member', 2);
    await w.advance(500);
    write(anna, 'before. ');
    await w.advance(1000);
    expect(text(boris.runtime)).toBe('before. ');

    // Boris's laptop is imaged at a border: the copy holds his record, secrets and all.
    const image = boris.runtime.cellRecord;
    const thiefDevice = await w.device(image, 3);

    // Control (the attack as it works without a re-key): the next rotation is wrapped to the
    // imaged box key, so the copy opens the new epoch key and reads what is written in it.
    expect(await rotateEpoch(anna)).toEqual({ ok: true, value: 1 });
    write(anna, 'epoch one. ');
    await w.advance(2000);
    expect(opensEpoch(anna, image.identity, 1)).toBe(true);
    const peek = await w.open(thiefDevice);
    await w.advance(3000);
    expect(peek.sync.status().epoch).toBe(1);
    expect(text(peek)).toContain('epoch one.');
    await peek.close();

    // Boris says "my device was out of my hands".
    const rekeySelf = await loadRekeySelf();
    expect(rekeySelf, 'no self re-key: the imaged copy opens every future epoch key').toBeDefined();
    if (!rekeySelf) return;
    const oldHex = toHex(image.identity.signPk);
    const rekeyed = await rekeySelf(boris.runtime, {
      sealed: boris.device.vault.store,
      saveRecord: (r) => {
        boris.device.saved = r;
        return Promise.resolve();
      },
      reopen: (r) => w.open(boris.device, r),
    });
    if (!rekeyed.ok) throw new Error(`rekey: ${rekeyed.error}`);
    expect(rekeyed.value.rotatedTo).toBeUndefined(); // a member: a coordinator rotates
    const borisNow = rekeyed.value.runtime;
    const newHex = toHex(borisNow.me.signPk);
    expect(newHex).not.toBe(oldHex);
    // The old signing key is gone from the record; the same person, same pseudonym.
    expect(JSON.stringify(boris.device.saved)).not.toContain(toHex(image.identity.signSk));
    await w.advance(2000);
    for (const rt of [anna, chen.runtime, borisNow]) {
      const r = rt.currentRoster();
      expect(r.members.has(oldHex)).toBe(false);
      expect(r.members.get(newHex)?.pseudonym).toBe('Boris');
      expect(r.rotationNeeded).toBe(true);
    }

    // A coordinator rotates: the new key goes to Boris's new box key only.
    expect(await rotateEpoch(anna)).toEqual({ ok: true, value: 2 });
    write(anna, 'epoch two. ');
    await w.advance(3000);
    expect(anna.currentRoster().rotationNeeded).toBe(false);
    expect(opensEpoch(anna, image.identity, 2)).toBe(false);
    expect(borisNow.sync.status().epoch).toBe(2);
    expect(text(borisNow)).toContain('epoch two.');
    write(borisNow, 'healed. ');

    // The copy comes back online: no key for epoch 2; what it writes with the old key is refused.
    const thief = await w.open(thiefDevice, thiefDevice.saved);
    await w.advance(3000);
    expect(thief.cellRecord.epochKeys.has(2)).toBe(false);
    expect(text(thief)).not.toContain('epoch two.');
    write(thief, 'forged. ');
    await w.advance(5000);
    for (const rt of [anna, chen.runtime, borisNow]) {
      expect(text(rt)).toContain('healed.');
      expect(text(rt)).not.toContain('forged.');
    }
    const refused = (rt: CellRuntime) =>
      (rt.sync.diagnostics.rejected.get('not_member') ?? 0) +
      (rt.sync.diagnostics.rejected.get('not_writer') ?? 0);
    expect(refused(anna) + refused(chen.runtime)).toBeGreaterThan(0);
    for (const rt of [anna, chen.runtime, borisNow, thief]) await rt.close();
  });
});
