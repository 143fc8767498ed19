import { describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { Platform } from '../../../shared/platform/Platform.ts';
import { loadKeyring } from '../../../shared/runtime/Keyring.ts';
import { openAppSession } from '../../../renderer/session/openAppSession.ts';
import { MemoryNetwork } from '../../support/MemoryNetwork.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';
import { fastVault } from '../vault/vaultFixture.ts';

const SIGNAL = ['ws://127.0.0.1:4490'];

describe('"Remove this cell from this device" (issue 19 item 4)', () => {
  it("deletes the cell's keyring record and sealed rows, and nothing of another cell", async () => {
    await sodiumReady();
    const { storage, vault } = await fastVault();
    const net = new MemoryNetwork(new VirtualScheduler(), () => 0.5, {
      drop: 0,
      duplicate: 0,
      minLatency: 1,
      maxLatency: 1,
      reconnectMs: 1,
    });
    const app = await openAppSession(vault, storage, {} as Platform, net.transportFor(1), {
      sockets: { open: () => ({ send: () => false, close: () => undefined }) },
    });
    const gone = await app.createCell({ name: 'Gone', pseudonym: 'boris', signaling: SIGNAL });
    const kept = await app.createCell({ name: 'Kept', pseudonym: 'boris', signaling: SIGNAL });
    if (!gone.ok || !kept.ok) throw new Error('cells not created');
    // Its open session, and rows as SealedSyncStore keys them (envelopes, checkpoints, local).
    const session = await app.openCell(gone.value);
    expect(session.cellName).toBe('Gone');
    for (const id of [gone.value, kept.value]) {
      await vault.store.put('envelopes', `${id}/e/1:0/aa`, new Uint8Array([1]));
      await vault.store.put('envelopes', `${id}/cp/bb`, new Uint8Array([2]));
      await vault.store.put('envelopes', `${id}/local`, new Uint8Array([3]));
    }
    const rowsOf = async (id: string): Promise<number> =>
      (await vault.store.scan('envelopes', (k) => k.startsWith(`${id}/`))).length;
    expect(await rowsOf(gone.value)).toBeGreaterThanOrEqual(3);

    await app.removeCellFromDevice(gone.value);

    expect(app.cells().map((c) => c.name)).toEqual(['Kept']);
    expect(await rowsOf(gone.value)).toBe(0);
    expect(await rowsOf(kept.value)).toBe(3);
    const keyring = await loadKeyring(vault.store);
    expect(keyring.ok && keyring.value.map((r) => r.name)).toEqual(['Kept']);
    await expect(app.openCell(gone.value)).rejects.toThrow('unknown cell');
    await app.lock();
  });
});
