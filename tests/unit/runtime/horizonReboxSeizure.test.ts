import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/crypto/bytes.ts';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { saveKeyring } from '../../../shared/runtime/Keyring.ts';
import type { SealedStore } from '../../../shared/vault/SealedStore.ts';
import { createRuntimeCell } from './runtimeCell.ts';
import { containsBytes } from './searchSeizedRows.ts';

const DOC = new Uint8Array(16).fill(7);
const CANARY = 'CANARY-rebox-printshop-5519';
const needle = new TextEncoder().encode(CANARY);

/**
 * Every 32-byte value in the keyring as stored (the row a passphrase holder decrypts), each tried
 * as an X25519 secret key: whatever the keyring calls it (the identity's, a former box key, a
 * retired identity's), a secret on the device is found here.
 */
async function keyringSecrets(store: SealedStore): Promise<Uint8Array[]> {
  const bytes = await store.getDirectory('keyring');
  if (!bytes) throw new Error('no keyring');
  const text = new TextDecoder().decode(bytes);
  const found = new Set(text.match(/[0-9a-f]{64}/g) ?? []);
  expect(found.size).toBeGreaterThan(0);
  return [...found].map((h) => fromHex(h)!);
}

/** The old epoch keys `secrets` recompute from a rotate op kept elsewhere (with its wraps). */
function keysFromKeptRotate(
  kept: Uint8Array,
  cellId: Uint8Array,
  signPks: readonly Uint8Array[],
  secrets: readonly Uint8Array[],
): Uint8Array[] {
  const op = decodeRosterOp(kept);
  if (!op.ok || op.value.body.type !== 'rotate') throw new Error('not a rotate');
  const out: Uint8Array[] = [];
  for (const boxSk of secrets) {
    const boxPk = sodium().crypto_scalarmult_base(boxSk);
    for (const signPk of signPks) {
      const opened = openEpochWrap(op.value.body, cellId, { signPk, boxPk, boxSk });
      if (opened.ok) out.push(opened.value.secret);
    }
  }
  return out;
}

/**
 * Issue 15 item 2 (THREAT_MODEL "History horizon"): the horizon prunes the wraps of forgotten
 * epochs on every device, but a copy of an old rotate WITH its wraps can be kept elsewhere (a
 * recording of the wire, the roster copy of a device that had not pruned yet, a removed member's
 * device). The member's box secret used to live as long as the identity, so a device seized after
 * the horizon opened its own wrap in that copy and recomputed the old epoch key, which opens old
 * ciphertext kept elsewhere (relays, recordings). Failed on the code before box key rotation
 * ("rebox"): the recovered list held K_1 for both devices.
 */
describe('history horizon: an old rotate kept elsewhere, with its wraps', () => {
  it('opens with no secret a device seized after the horizon still holds', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    const borisJoinedWith = boris.me.boxPk.slice();
    await cell.advance(2_000);
    expect((await anna.rotateKey()).ok).toBe(true);
    const rotate1 = anna.currentRoster().epochs[1]!.rotateOpId;
    // Someone outside records the rotate as it travels, wraps and all.
    const keptRotate = anna.roster.get(rotate1)!.slice();
    await cell.advance(20 * 60_000);
    anna.sync.doc(DOC).getText('t').insert(0, `kept. ${CANARY} `);
    await cell.advance(2_000);
    await anna.sync.flush();
    const cellId = anna.cellRecord.cellId;
    const k1 = anna.cellRecord.epochKeys.get(1)!;
    const { contentKey } = deriveEpochSecrets(k1, cellId, 1);
    const keptEnvelopes: Uint8Array[] = [];
    for (const row of await cell.stores.get(anna)!.scan('envelopes')) {
      const plain = decryptEnvelope(row.value, contentKey, cellId, 1);
      if (plain.ok && containsBytes(plain.value, needle)) keptEnvelopes.push(row.value.slice());
    }
    expect(keptEnvelopes.length).toBeGreaterThan(0);
    anna.sync
      .doc(DOC)
      .getText('t')
      .delete(6, CANARY.length + 1);
    await cell.advance(2_000);

    // The horizon passes epoch 1, then epoch 2 (two horizon periods).
    for (const floor of [2, 3]) {
      expect((await anna.rotateKey()).ok).toBe(true);
      await cell.advance(20 * 60_000);
      for (const rt of [anna, boris]) expect(rt.cellRecord.horizonFloor).toBe(floor);
    }

    // Each member reboxed after each rotation; the cell still works on the newest keys.
    for (const rt of [anna, boris]) {
      const reboxes = rt
        .currentRoster()
        .applied.map((id) => decodeRosterOp(rt.roster.get(id)!))
        .filter(
          (d) => d.ok && d.value.body.type === 'rebox' && d.value.authorHex === toHex(rt.me.signPk),
        );
      expect(reboxes.length).toBeGreaterThanOrEqual(3);
      expect(rt.currentRoster().members.get(toHex(rt.me.signPk))?.boxPk).toEqual(rt.me.boxPk);
      expect(rt.cellRecord.epochKeys.has(3)).toBe(true);
    }
    expect(boris.me.boxPk).not.toEqual(borisJoinedWith);

    const seize = async (rt: CellRuntime): Promise<Uint8Array[]> => {
      const store = cell.stores.get(rt)!;
      await saveKeyring(store, [rt.cellRecord]);
      const signPks = [rt.me.signPk, ...(rt.cellRecord.retired ?? []).map((r) => r.signPk)];
      return keysFromKeptRotate(keptRotate, cellId, signPks, await keyringSecrets(store));
    };
    for (const rt of [anna, boris]) {
      const recovered = await seize(rt);
      let canaryRead = false;
      for (const k of recovered) {
        const old = deriveEpochSecrets(k, cellId, 1).contentKey;
        for (const env of keptEnvelopes) {
          const plain = decryptEnvelope(env, old, cellId, 1);
          if (plain.ok && containsBytes(plain.value, needle)) canaryRead = true;
        }
      }
      expect(canaryRead).toBe(false);
      expect(recovered).toEqual([]);
    }
    for (const rt of [anna, boris]) await rt.close();
  });

  it('keeps an old box secret while a rotate concurrent with the rebox sealed an unforgotten epoch to it', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    await cell.advance(2_000);
    const joinedWith = boris.me.boxPk.slice();
    // Two rotations back to back: Anna's second has not seen the rebox Boris makes on the first.
    expect((await anna.rotateKey()).ok).toBe(true);
    expect((await anna.rotateKey()).ok).toBe(true);
    const rotate2 = anna.currentRoster().epochs[2]!.rotateOpId;
    const keptRotate2 = anna.roster.get(rotate2)!.slice();
    await cell.advance(20 * 60_000);
    const cellId = anna.cellRecord.cellId;
    const secretsOf = async (rt: CellRuntime) => {
      const store = cell.stores.get(rt)!;
      await saveKeyring(store, [rt.cellRecord]);
      return keyringSecrets(store);
    };
    // Epoch 2 is current: its wrap to Boris was sealed to the key he joined with, which he keeps.
    expect(boris.cellRecord.horizonFloor).toBe(2);
    expect(boris.cellRecord.epochKeys.get(2)).toEqual(anna.cellRecord.epochKeys.get(2));
    expect(boris.me.boxPk).not.toEqual(joinedWith);
    expect(boris.cellRecord.formerBoxKeys?.map((f) => toHex(f.boxPk))).toContain(toHex(joinedWith));
    const k2 = keysFromKeptRotate(keptRotate2, cellId, [boris.me.signPk], await secretsOf(boris));
    expect(k2.map(toHex)).toEqual([toHex(anna.cellRecord.epochKeys.get(2)!)]);

    // The next horizon passes epoch 2: the secret it was sealed to goes.
    expect((await anna.rotateKey()).ok).toBe(true);
    await cell.advance(20 * 60_000);
    expect(boris.cellRecord.horizonFloor).toBe(3);
    expect(boris.cellRecord.epochKeys.has(3)).toBe(true);
    const former = (boris.cellRecord.formerBoxKeys ?? []).map((f) => toHex(f.boxPk));
    expect(former).not.toContain(toHex(joinedWith));
    expect(
      keysFromKeptRotate(keptRotate2, cellId, [boris.me.signPk], await secretsOf(boris)),
    ).toEqual([]);
    for (const rt of [anna, boris]) await rt.close();
  });
});
