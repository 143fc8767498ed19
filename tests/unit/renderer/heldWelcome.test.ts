import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { createIdentity } from '../../../shared/identity/createIdentity.ts';
import type { CellRecord } from '../../../shared/runtime/Keyring.ts';
import { heldWelcome } from '../../../renderer/session/heldWelcome.ts';

beforeAll(async () => {
  await sodiumReady();
});

function record(): CellRecord {
  const identity = createIdentity('Olena');
  if (!identity.ok) throw new Error(identity.error);
  const cellId = randomBytes(16);
  return {
    cellId,
    cellIdHex: Buffer.from(cellId).toString('hex'),
    kind: 'member',
    identity: identity.value,
    epochKeys: new Map([[3, randomBytes(32)]]),
    signaling: ['ws://127.0.0.1:4444'],
    iceServers: [],
    relayOnly: false,
    name: '',
    invites: [],
    rosterOps: [],
    verified: [],
  };
}

const shown = (kept: CellRecord[]) => ({
  cellName: 'Samizdat',
  coordinatorPseudonym: 'Anna',
  coordinatorWords: ['one', 'two'],
  coordinatorSignPkHex: 'ab'.repeat(32),
  keep: (r: CellRecord) => {
    kept.push(r);
    return Promise.resolve(r.cellIdHex);
  },
});

describe('heldWelcome (the join screen before the words are confirmed)', () => {
  it('keeps the cell once, named, with the compared coordinator marked verified', async () => {
    const kept: CellRecord[] = [];
    const r = record();
    const held = heldWelcome(r, shown(kept));
    expect(kept).toEqual([]);
    expect(await held.confirm()).toBe(r.cellIdHex);
    expect(await held.confirm()).toBe(r.cellIdHex);
    held.cancel(); // too late: nothing changes
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ name: 'Samizdat', verified: ['ab'.repeat(32)] });
    expect(kept[0]?.identity.signSk.some((b) => b !== 0)).toBe(true);
  });

  it('cancel stores nothing and zeroes the secret keys it held', async () => {
    const kept: CellRecord[] = [];
    const r = record();
    const held = heldWelcome(r, shown(kept));
    held.cancel();
    await expect(held.confirm()).rejects.toThrow('cancelled');
    expect(kept).toEqual([]);
    expect(r.identity.signSk.every((b) => b === 0)).toBe(true);
    expect(r.identity.boxSk.every((b) => b === 0)).toBe(true);
    for (const key of r.epochKeys.values()) expect(key.every((b) => b === 0)).toBe(true);
  });
});
