/**
 * An in-process cell of CellRuntimes over the seeded MemoryNetwork: real engines, real roster
 * ops, real envelopes, virtual time. Used by the runtime tests and the membership property test.
 */
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity, type Identity } from '../../../shared/identity/createIdentity.ts';
import type { Role } from '../../../shared/roster/RosterOp.ts';
import { createCellRecord } from '../../../shared/runtime/cellGovernance.ts';
import { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { admitRecord } from '../../support/admitRecord.ts';
import { MemoryNetwork, type NetworkFaults } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import type { SealedStore } from '../../../shared/vault/SealedStore.ts';
import { fastVault } from '../vault/vaultFixture.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

export function testIdentity(name: string): Identity {
  const r = createIdentity(name);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

export interface RuntimeCell {
  readonly scheduler: VirtualScheduler;
  readonly net: MemoryNetwork;
  /** Each runtime's sealed store (what a seized, unlocked device holds besides its keyring). */
  readonly stores: Map<CellRuntime, SealedStore>;
  /** Runs virtual time forward, letting promises settle between timers. */
  advance(ms: number): Promise<void>;
  /** Opens a runtime for `record` on network peer `peer`, with its own fast vault. */
  open(record: CellRecord, peer: number): Promise<CellRuntime>;
  /** Invites, admits and opens a new member through `by` (a coordinator). */
  admit(by: CellRuntime, name: string, role: Role, peer: number): Promise<CellRuntime>;
}

export async function createRuntimeCell(
  rand: () => number = Math.random,
  faults: Partial<NetworkFaults> = {},
): Promise<{ cell: RuntimeCell; founder: CellRuntime }> {
  await sodiumReady();
  const scheduler = new VirtualScheduler();
  const net = new MemoryNetwork(scheduler, rand, {
    drop: 0,
    duplicate: 0,
    minLatency: 1,
    maxLatency: 20,
    reconnectMs: 10,
    ...faults,
  });
  const stores = new Map<CellRuntime, SealedStore>();
  const open = async (record: CellRecord, peer: number): Promise<CellRuntime> => {
    const { vault } = await fastVault();
    const runtime = await CellRuntime.open({
      record,
      sealed: vault.store,
      transport: net.transportFor(peer),
      saveRecord: () => Promise.resolve(),
      scheduler,
      random: rand,
    });
    stores.set(runtime, vault.store);
    return runtime;
  };
  const admit = async (by: CellRuntime, name: string, role: Role, peer: number) =>
    open(await admitRecord(by, testIdentity(name), role, scheduler.now()), peer);
  const created = createCellRecord({
    identity: testIdentity('Anna'),
    name: 'Cell',
    signaling: ['ws://127.0.0.1:1'],
  });
  if (!created.ok) throw new Error(created.error);
  const cell: RuntimeCell = {
    scheduler,
    net,
    stores,
    advance: (ms) => scheduler.advance(ms, settle),
    open,
    admit,
  };
  return { cell, founder: await open(created.value, 0) };
}

/** The key this runtime holds for the roster's current epoch (hex), or undefined. */
export function currentKeyHex(rt: CellRuntime): string | undefined {
  const key = rt.cellRecord.epochKeys.get(rt.currentRoster().epoch);
  return key && toHex(key);
}

export const memberHex = (rt: CellRuntime): string => toHex(rt.me.signPk);
