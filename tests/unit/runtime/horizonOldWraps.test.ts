import { describe, expect, it } from 'vitest';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import { wrapsPruned } from '../../../shared/roster/pruneRotateWraps.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { decodeEnvelope } from '../../../shared/envelope/decodeEnvelope.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { loadKeyring, saveKeyring, type CellRecord } from '../../../shared/runtime/Keyring.ts';
import { openMemberNotice } from '../../../shared/sync/openMemberNotice.ts';
import type { SealedStore } from '../../../shared/vault/SealedStore.ts';
import { createRuntimeCell } from './runtimeCell.ts';
import { containsBytes, SEALED_TABLES, searchSeizedRows } from './searchSeizedRows.ts';

const DOC = new Uint8Array(16).fill(6);
const CANARY = 'CANARY-epoch-one-safehouse-7731';
const needle = new TextEncoder().encode(CANARY);
const text = (rt: CellRuntime): string => rt.sync.doc(DOC).getText('t').toJSON();

/**
 * Every key of an epoch below `floor` that a seized device's own data still opens: its wraps in
 * every rotate op it holds, in its keyring, in any stored roster envelope it can decrypt with the
 * keys it kept, or in any roster notice sealed to its box key (a sibling place ops are kept).
 */
async function oldKeysOpenable(
  record: CellRecord,
  store: SealedStore,
  floor: number,
): Promise<Uint8Array[]> {
  const ops: Uint8Array[] = [...record.rosterOps];
  for (const table of SEALED_TABLES) {
    for (const row of await store.scan(table)) {
      ops.push(row.value);
      const notice = openMemberNotice(row.value, record.cellId, record.identity);
      if (notice.ok) ops.push(...notice.value);
      for (const [e, k] of record.epochKeys) {
        const { contentKey } = deriveEpochSecrets(k, record.cellId, e);
        const plain = decryptEnvelope(row.value, contentKey, record.cellId, e);
        const env = plain.ok ? decodeEnvelope(plain.value) : undefined;
        if (env?.ok && env.value.kind === ENVELOPE_KIND.roster) ops.push(env.value.body);
      }
    }
  }
  const recovered: Uint8Array[] = [];
  let rotatesSeen = 0;
  for (const bytes of ops) {
    const op = decodeRosterOp(bytes);
    if (!op.ok || op.value.body.type !== 'rotate' || op.value.body.newEpoch >= floor) continue;
    rotatesSeen++;
    const opened = openEpochWrap(op.value.body, record.cellId, record.identity);
    if (opened.ok) recovered.push(opened.value.secret);
    // Pruned, or (a joiner since) never a recipient: never a key, never a wrong one.
    else expect(['wrap_pruned', 'not_recipient']).toContain(opened.error);
  }
  // The old rotates are there (the roster needs them): only their wraps are gone.
  expect(rotatesSeen).toBeGreaterThan(0);
  return recovered;
}

/** Whether any stored row, in clear or opened as an envelope under a kept key, holds the canary. */
async function canaryIn(record: CellRecord, store: SealedStore): Promise<boolean> {
  const keys = new Map([...record.epochKeys].map(([e, k]) => [e, [k]]));
  const { found, opened } = await searchSeizedRows(store, record.cellId, keys, needle);
  // The search is real: the current epoch's envelopes are there and open.
  expect(opened).toBeGreaterThan(0);
  return found;
}

/**
 * Issue 15 item 1, the attack: the history horizon forgot epoch 1 (its key left the keyring, its
 * stored envelopes were deleted), but the rotate op that opened epoch 1 stays in the roster, and
 * its wrap to this member opens with the member's box secret key, which the device holds. So a
 * device seized after the horizon recomputes K_1 from its own roster and opens a copy of an
 * epoch-1 envelope kept elsewhere (a relay's copy, a recording of the wire).
 */
describe('history horizon: old rotate wraps on a device seized after the horizon', () => {
  it('open no old epoch key, so a copy of an old envelope kept elsewhere stays closed', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    await cell.advance(2_000);
    // Epoch 1: the canary is written there, and someone outside keeps a copy of the envelopes.
    expect((await anna.rotateKey()).ok).toBe(true);
    await cell.advance(20 * 60_000);
    expect(boris.cellRecord.horizonFloor).toBe(1);
    anna.sync.doc(DOC).getText('t').insert(0, `kept. ${CANARY} `);
    await cell.advance(2_000);
    expect(text(boris)).toContain(CANARY);
    await anna.sync.flush();
    const k1 = anna.cellRecord.epochKeys.get(1)!;
    const { contentKey } = deriveEpochSecrets(k1, anna.cellRecord.cellId, 1);
    const kept: Uint8Array[] = [];
    for (const row of await cell.stores.get(anna)!.scan('envelopes')) {
      const plain = decryptEnvelope(row.value, contentKey, anna.cellRecord.cellId, 1);
      if (plain.ok && containsBytes(plain.value, needle)) kept.push(row.value.slice());
    }
    expect(kept.length).toBeGreaterThan(0);
    anna.sync
      .doc(DOC)
      .getText('t')
      .delete(6, CANARY.length + 1);
    await cell.advance(2_000);

    // The horizon passes epoch 1: rotate to 2, every member acknowledges, epoch 1 is forgotten.
    expect((await anna.rotateKey()).ok).toBe(true);
    await cell.advance(20 * 60_000);
    for (const rt of [anna, boris]) {
      expect(rt.cellRecord.horizonFloor).toBe(2);
      expect([...rt.cellRecord.epochKeys.keys()]).toEqual([2]);
    }

    // Seizure with the passphrase: the keyring as stored, its roster ops and its box secret.
    for (const rt of [anna, boris]) {
      const store = cell.stores.get(rt)!;
      await saveKeyring(store, [rt.cellRecord]);
      const loaded = await loadKeyring(store);
      if (!loaded.ok) throw new Error(loaded.error);
      const record = loaded.value[0]!;
      const recovered = await oldKeysOpenable(record, store, 2);
      let canaryRead = false;
      for (const k of [...recovered, ...record.epochKeys.values()]) {
        const old = deriveEpochSecrets(k, record.cellId, 1).contentKey;
        for (const env of kept) {
          const plain = decryptEnvelope(env, old, record.cellId, 1);
          if (plain.ok && containsBytes(plain.value, needle)) canaryRead = true;
        }
      }
      expect(canaryRead).toBe(false);
      expect(recovered).toEqual([]);
    }
    for (const rt of [anna, boris]) await rt.close();
  });
});

describe('history horizon: pruned rotates on the devices that come later or come back', () => {
  it('a member offline across a horizon converges without the deleted past; a joiner after it gets pruned rotates', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    await cell.advance(2_000);
    expect((await anna.rotateKey()).ok).toBe(true);
    await cell.advance(20 * 60_000);
    anna.sync.doc(DOC).getText('t').insert(0, `kept. ${CANARY} `);
    await cell.advance(2_000);
    anna.sync
      .doc(DOC)
      .getText('t')
      .delete(6, CANARY.length + 1);
    await cell.advance(2_000);
    expect(text(boris)).toBe('kept. ');

    // Boris is away while the cell rotates to 2; he comes back within the grace period.
    cell.net.setOffline(1, true);
    expect((await anna.rotateKey()).ok).toBe(true);
    anna.sync.doc(DOC).getText('t').insert(6, 'new ');
    await cell.advance(2 * 60 * 60_000);
    expect(anna.cellRecord.horizonFloor).toBe(1);
    cell.net.setOffline(1, false);
    await cell.advance(30 * 60_000);
    for (const rt of [anna, boris]) {
      expect(rt.currentRoster().epoch).toBe(2);
      expect(rt.cellRecord.horizonFloor).toBe(2);
      expect(text(rt)).toBe('kept. new ');
      expect(rt.epochsAwaitingWraps()).toEqual([]);
    }

    // Chen joins after the horizon: his welcome carries the pruned rotates, and they apply.
    const chen = await cell.admit(anna, 'Chen', 'member', 2);
    await cell.advance(5_000);
    expect(chen.currentRoster().epoch).toBe(2);
    expect(chen.currentRoster().applied).toEqual(anna.currentRoster().applied);
    expect(text(chen)).toBe('kept. new ');
    expect(chen.cellRecord.rosterOps.filter(wrapsPruned).length).toBeGreaterThan(0);
    for (const rt of [anna, boris, chen]) {
      const store = cell.stores.get(rt)!;
      const recovered = await oldKeysOpenable(rt.cellRecord, store, 2);
      expect(recovered).toEqual([]);
      expect(await canaryIn(rt.cellRecord, store)).toBe(false);
    }
    for (const rt of [anna, boris, chen]) await rt.close();
  });
});
