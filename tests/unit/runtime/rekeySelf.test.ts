/**
 * A member's laptop was out of their hands (a border check, a raid): whoever imaged it holds a
 * copy of the cell record, identity secrets included. In-process cell (MemoryNetwork, virtual
 * time, real engines and roster ops): the copy follows every rotation until the member re-keys.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { rekeyProofMessage } from '../../../shared/roster/rekeyProofMessage.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import type { Role } from '../../../shared/roster/RosterOp.ts';
import { createCellRecord, rotateEpoch } from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { finishRekey } from '../../../shared/runtime/finishRekey.ts';
import { openFinishingRekey } from '../../../shared/runtime/openFinishingRekey.ts';
import { rekeySelf } from '../../../shared/runtime/rekeySelf.ts';
import type { Vault } from '../../../shared/vault/Vault.ts';
import { admitRecord } from '../../support/admitRecord.ts';
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
    const d = await device(await admitRecord(anna, identity(name), role, scheduler.now()), peer);
    return { device: d, runtime: await open(d) };
  };
  return { scheduler, advance, open, device, anna, annaDevice, admit };
}

type World = Awaited<ReturnType<typeof world>>;

/** How the app opens a cell on this device: finishing a rekey left half-way first. */
const finishing = (w: World, d: Device) => ({
  sealed: d.vault.store,
  save: (r: CellRecord) => {
    d.saved = r;
    return Promise.resolve();
  },
  open: (r: CellRecord) => w.open(d, r),
});

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
    write(boris.runtime, 'boris. ');
    await w.advance(1000);
    expect(text(chen.runtime)).toBe('before. boris. ');

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
    const saved = JSON.stringify(boris.device.saved, (_, v: unknown) =>
      v instanceof Uint8Array ? toHex(v) : v,
    );
    expect(saved).not.toContain(toHex(image.identity.signSk));
    expect(saved).toContain(toHex(image.identity.boxSk)); // kept: opens wraps sealed to it
    expect(boris.device.saved.pendingIdentity).toBeUndefined();
    // (Within RE_ROTATE_FIRST_MS: no coordinator has re-rotated on its own yet.)
    await w.advance(1000);
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
    // Someone admitted after the rekey gets the old key's earlier writing from the others'
    // snapshots, under the same person (a snapshot naming the old key is not "unknown").
    const dana = await w.admit('Dana', 'member', 4);
    await w.advance(8000);
    expect(text(dana.runtime)).toContain('boris. ');
    expect(dana.runtime.sync.diagnostics.rejected.get('unknown_author') ?? 0).toBe(0);
    await dana.runtime.close();
    const refused = (rt: CellRuntime) =>
      (rt.sync.diagnostics.rejected.get('not_member') ?? 0) +
      (rt.sync.diagnostics.rejected.get('not_writer') ?? 0);
    expect(refused(anna) + refused(chen.runtime)).toBeGreaterThan(0);
    for (const rt of [anna, chen.runtime, borisNow, thief]) await rt.close();
  });

  it('a coordinator rotates right after re-keying; the copy of the old key cannot open it', async () => {
    const w = await world();
    const { anna } = w;
    const boris = await w.admit('Boris', 'member', 1);
    await w.advance(500);
    const image = anna.cellRecord;
    const rekeyed = await rekeySelf(anna, {
      sealed: w.annaDevice.vault.store,
      saveRecord: (r) => {
        w.annaDevice.saved = r;
        return Promise.resolve();
      },
      reopen: (r) => w.open(w.annaDevice, r),
    });
    if (!rekeyed.ok) throw new Error(`rekey: ${rekeyed.error}`);
    expect(rekeyed.value.rotatedTo).toBe(1);
    const annaNow = rekeyed.value.runtime;
    await w.advance(3000);
    const r = boris.runtime.currentRoster();
    expect(r.epoch).toBe(1);
    expect(r.rotationNeeded).toBe(false);
    expect(r.members.get(toHex(annaNow.me.signPk))?.role).toBe('coordinator');
    expect(opensEpoch(boris.runtime, image.identity, 1)).toBe(false);
    expect(boris.runtime.sync.status().epoch).toBe(1);
    write(annaNow, 'new keys. ');
    await w.advance(2000);
    expect(text(boris.runtime)).toContain('new keys.');
    for (const rt of [annaNow, boris.runtime]) await rt.close();
  });

  it('a rekey interrupted after its op left the device is finished on the next open', async () => {
    const w = await world();
    const { anna } = w;
    const boris = await w.admit('Boris', 'member', 1);
    await w.advance(500);
    write(boris.runtime, 'one. ');
    await w.advance(1000);
    const oldHex = toHex(boris.runtime.me.signPk);
    // The app dies when it would switch the record: the op is out, the new keys were saved.
    const died = await rekeySelf(boris.runtime, {
      sealed: boris.device.vault.store,
      saveRecord: () => Promise.reject(new Error('power cut')),
      reopen: () => Promise.reject(new Error('unreachable')),
    }).catch((e: unknown) => e);
    expect(died).toBeInstanceOf(Error);
    const pending = boris.device.saved;
    expect(toHex(pending.identity.signPk)).toBe(oldHex);
    expect(pending.pendingIdentity).toBeDefined();
    expect(await finishRekey(anna.cellRecord, w.annaDevice.vault.store)).toBeUndefined();
    const again = await openFinishingRekey(pending, finishing(w, boris.device));
    expect(toHex(again.me.signPk)).toBe(toHex(pending.pendingIdentity!.signPk));
    expect(toHex(boris.device.saved.identity.signPk)).toBe(toHex(again.me.signPk));
    await w.advance(2000);
    expect(anna.currentRoster().rekeyed.get(oldHex)).toBe(toHex(again.me.signPk));
    write(again, 'two. ');
    await w.advance(2000);
    expect(text(anna)).toBe('one. two. ');
    for (const rt of [anna, again]) await rt.close();
  });

  it('a rekey interrupted before its op left the device is published on the next open', async () => {
    const w = await world();
    const { anna } = w;
    const boris = await w.admit('Boris', 'member', 1);
    await w.advance(500);
    const old = boris.runtime;
    const oldHex = toHex(old.me.signPk);
    // rekeySelf's first step: new keys and the op saved in the record; then the app dies.
    const next = identity('Boris');
    const cellId = old.cellRecord.cellId;
    const op = createRosterOp(cellId, old.me, old.roster.heads(oldHex), {
      type: 'rekey',
      newSignPk: next.signPk,
      newBoxPk: next.boxPk,
      proof: signDetached(
        next.signSk,
        LABELS.rekeyProof,
        rekeyProofMessage(cellId, old.me.signPk, next.signPk, next.boxPk),
      ),
    });
    if (!op.ok) throw new Error(op.error);
    await old.update({
      pendingIdentity: next,
      rosterOps: [...old.roster.allOps(), op.value.bytes],
    });
    await old.close();
    await w.advance(1000);
    expect(anna.currentRoster().members.has(oldHex)).toBe(true);
    const again = await openFinishingRekey(boris.device.saved, finishing(w, boris.device));
    expect(toHex(again.me.signPk)).toBe(toHex(next.signPk));
    await w.advance(2000);
    expect(anna.currentRoster().rekeyed.get(oldHex)).toBe(toHex(next.signPk));
    write(again, 'after. ');
    await w.advance(2000);
    expect(text(anna)).toContain('after. ');
    for (const rt of [anna, again]) await rt.close();
  });

  it('the copy races with a rekey of its own: every peer ends with the key removed, nobody inherits it', async () => {
    const w = await world();
    const { anna } = w;
    const boris = await w.admit('Boris', 'member', 1);
    const chen = await w.admit('Chen', 'member', 2);
    await w.advance(500);
    const image = boris.runtime.cellRecord;
    const oldHex = toHex(image.identity.signPk);
    // The copy runs the app on another machine, next to Anna; Boris is next to Chen.
    const thiefDevice = await w.device(image, 3);
    const thief = await w.open(thiefDevice);
    const rekey = (rt: CellRuntime, d: Device) =>
      rekeySelf(rt, {
        sealed: d.vault.store,
        saveRecord: (r) => {
          d.saved = r;
          return Promise.resolve();
        },
        reopen: (r) => w.open(d, r),
      });
    const [mine, theirs] = await Promise.all([
      rekey(boris.runtime, boris.device),
      rekey(thief, thiefDevice),
    ]);
    if (!mine.ok || !theirs.ok) throw new Error('both rekeys count where they were made');
    await w.advance(5000);
    const everyone = [anna, chen.runtime, mine.value.runtime, theirs.value.runtime];
    for (const rt of everyone) {
      const r = rt.currentRoster();
      expect([...r.rekeyConflicts.keys()]).toEqual([oldHex]);
      expect(r.members.has(toHex(mine.value.runtime.me.signPk))).toBe(false);
      expect(r.members.has(toHex(theirs.value.runtime.me.signPk))).toBe(false);
      expect(r.members.size).toBe(2);
    }
    for (const rt of everyone) await rt.close();
  });
});
