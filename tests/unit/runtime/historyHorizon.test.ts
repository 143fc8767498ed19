import { describe, expect, it } from 'vitest';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import { loadKeyring, saveKeyring } from '../../../shared/runtime/Keyring.ts';
import type { SealedStore } from '../../../shared/vault/SealedStore.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftDocId } from '../../../shared/cell/draftDocId.ts';
import { VERSION_WARNING_MS, versionExpiry } from '../../../shared/cell/dropOldVersions.ts';
import { listVersions } from '../../../shared/cell/listVersions.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { saveVersion } from '../../../shared/cell/saveVersion.ts';
import { setHorizonPolicy } from '../../../shared/cell/setHorizonPolicy.ts';
import { createRuntimeCell, currentKeyHex, memberHex } from './runtimeCell.ts';
import { searchSeizedRows } from './searchSeizedRows.ts';

const DOC = new Uint8Array(16).fill(5);
const CANARY = 'CANARY-meet-at-the-old-mill-0415';
const text = (rt: CellRuntime): string => rt.sync.doc(DOC).getText('t').toJSON();

/**
 * What someone who seized the device with its passphrase gets: every key the keyring holds, and
 * every epoch key its roster ops' wraps still open with the member's box secret. Returns the
 * epochs whose keys it has, and whether any stored row, in clear or opened under any of those
 * keys as an envelope of any of those epochs, holds the canary.
 */
async function seize(
  rt: CellRuntime,
  store: SealedStore,
): Promise<{ keyringEpochs: number[]; canaryFound: boolean; envelopesOpened: number }> {
  const record = rt.cellRecord;
  const keys = new Map<number, Uint8Array[]>();
  const add = (e: number, k: Uint8Array): void => void keys.set(e, [...(keys.get(e) ?? []), k]);
  for (const [e, k] of record.epochKeys) add(e, k);
  for (const bytes of record.rosterOps) {
    const op = decodeRosterOp(bytes);
    if (!op.ok || op.value.body.type !== 'rotate') continue;
    const opened = openEpochWrap(op.value.body, record.cellId, record.identity);
    if (opened.ok && opened.value.kind === 'member') add(opened.value.epoch, opened.value.secret);
  }
  const needle = new TextEncoder().encode(CANARY);
  const { found: canaryFound, opened: envelopesOpened } = await searchSeizedRows(
    store,
    record.cellId,
    keys,
    needle,
  );
  return { keyringEpochs: [...record.epochKeys.keys()], canaryFound, envelopesOpened };
}

/**
 * Issue 15 item 2, the attack: a member's device is seized after a rotation, with its passphrase.
 * Before the history horizon every epoch key stayed in the keyring and the old epoch's envelopes
 * stayed stored (14 days, restarted at every launch), so a sentence written and deleted in the
 * old epoch was read back from the stored updates.
 */
describe('history horizon: a seized device after the horizon', () => {
  it('holds no old epoch key and no row that reveals text deleted before the rotation', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    await cell.advance(2_000);
    anna.sync.doc(DOC).getText('t').insert(0, `kept. ${CANARY} `);
    await cell.advance(2_000);
    expect(text(boris)).toContain(CANARY);
    anna.sync
      .doc(DOC)
      .getText('t')
      .delete(6, CANARY.length + 1);
    await cell.advance(2_000);
    expect(text(boris)).toBe('kept. ');

    expect((await anna.rotateKey()).ok).toBe(true);
    // Moves, top-ups, acknowledgements and the settle time: well under the 14-day grace.
    await cell.advance(20 * 60_000);
    expect(boris.currentRoster().epoch).toBe(1);
    expect(text(boris)).toBe('kept. ');

    for (const rt of [anna, boris]) {
      const seized = await seize(rt, cell.stores.get(rt)!);
      expect(seized.canaryFound).toBe(false);
      expect(seized.keyringEpochs).toEqual([1]);
      // The epoch-1 envelopes (compacted snapshots) are there and open: the search was real.
      expect(seized.envelopesOpened).toBeGreaterThan(0);
    }
    // The floor survives the keyring's round trip, so a restart never opens the old wraps again.
    const store = cell.stores.get(boris)!;
    await saveKeyring(store, [boris.cellRecord]);
    const loaded = await loadKeyring(store);
    expect(loaded.ok && loaded.value[0]?.horizonFloor).toBe(1);
    expect(loaded.ok && [...loaded.value[0]!.epochKeys.keys()]).toEqual([1]);
    // Writing goes on in the new epoch.
    boris.sync.doc(DOC).getText('t').insert(6, 'more');
    await cell.advance(2_000);
    expect(text(anna)).toBe('kept. more');
    for (const rt of [anna, boris]) await rt.close();
  });
});

const DAY = 24 * 60 * 60 * 1000;
const week = { setting: { days: 7 }, tampered: false };

describe('history horizon: rotation on schedule', () => {
  it('two coordinators who rotate at once (partitioned) end on one key, and the past goes', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'coordinator', 1);
    const chen = await cell.admit(anna, 'Chen', 'member', 2);
    await cell.advance(2_000);
    setHorizonPolicy(anna.sync.doc(CELL_INDEX_DOC_ID), 7);
    anna.sync.doc(DOC).getText('t').insert(0, `kept. ${CANARY} `);
    await cell.advance(2_000);
    anna.sync
      .doc(DOC)
      .getText('t')
      .delete(6, CANARY.length + 1);
    await cell.advance(2_000);
    for (const rt of [boris, chen]) expect(rt.horizon.policy()).toEqual(week);

    // Anna is cut off when the week is over: she and Boris each rotate, without seeing the other.
    await cell.advance(7 * DAY - 60_000);
    cell.net.setOffline(0, true);
    await cell.advance(5 * 60_000);
    expect(anna.currentRoster().epoch).toBe(1);
    expect(boris.currentRoster().epoch).toBe(1);
    anna.sync.doc(DOC).getText('t').insert(6, 'offline ');
    cell.net.setOffline(0, false);
    await cell.advance(30 * 60_000);

    // Both rotated: two rotates to epoch 1 are held, of which one counts.
    const rotates = anna.cellRecord.rosterOps.filter((b) => {
      const op = decodeRosterOp(b);
      return op.ok && op.value.body.type === 'rotate' && op.value.body.newEpoch === 1;
    });
    expect(rotates).toHaveLength(2);
    const key = currentKeyHex(boris);
    for (const rt of [anna, boris, chen]) {
      expect(rt.currentRoster().epoch).toBe(1);
      expect(currentKeyHex(rt)).toBe(key);
      expect(text(rt)).toBe('kept. offline ');
      const seized = await seize(rt, cell.stores.get(rt)!);
      expect(seized.canaryFound).toBe(false);
      expect(seized.keyringEpochs).toEqual([1]);
    }
    expect(anna.horizon.progress().waiting).toEqual([]);
    for (const rt of [anna, boris, chen]) await rt.close();
  });

  it('a member offline across the horizon comes back within the grace, converges, and then the past goes', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const chen = await cell.admit(anna, 'Chen', 'member', 1);
    await cell.advance(2_000);
    setHorizonPolicy(anna.sync.doc(CELL_INDEX_DOC_ID), 7);
    anna.sync.doc(DOC).getText('t').insert(0, `kept. ${CANARY} `);
    await cell.advance(2_000);
    anna.sync
      .doc(DOC)
      .getText('t')
      .delete(6, CANARY.length + 1);
    await cell.advance(2_000);
    expect(text(chen)).toBe('kept. ');

    cell.net.setOffline(1, true);
    await cell.advance(8 * DAY);
    anna.sync.doc(DOC).getText('t').insert(6, 'new ');
    await cell.advance(2 * DAY);
    // Anna rotated on schedule but waits for Chen's acknowledgement: epoch 0 is still hers.
    expect(anna.currentRoster().epoch).toBe(1);
    expect(anna.horizon.progress().waiting).toEqual([memberHex(chen)]);
    expect([...anna.cellRecord.epochKeys.keys()]).toEqual([0, 1]);

    cell.net.setOffline(1, false);
    await cell.advance(30 * 60_000);
    expect(chen.currentRoster().epoch).toBe(1);
    expect(text(chen)).toBe('kept. new ');
    for (const rt of [anna, chen]) {
      const seized = await seize(rt, cell.stores.get(rt)!);
      expect(seized.canaryFound).toBe(false);
      expect(seized.keyringEpochs).toEqual([1]);
    }
    for (const rt of [anna, chen]) await rt.close();
  });
});

describe('history horizon: a member offline for too long', () => {
  it('holds up the forgetting only for the removal grace (14 days), then the others forget', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const chen = await cell.admit(anna, 'Chen', 'member', 1);
    await cell.advance(2_000);
    // The default horizon: 30 days.
    anna.sync.doc(DOC).getText('t').insert(0, `kept. ${CANARY} `);
    await cell.advance(2_000);
    anna.sync
      .doc(DOC)
      .getText('t')
      .delete(6, CANARY.length + 1);
    await cell.advance(2_000);
    cell.net.setOffline(1, true);
    await cell.advance(30 * DAY + 13 * DAY);
    expect(anna.currentRoster().epoch).toBe(1);
    expect([...anna.cellRecord.epochKeys.keys()]).toEqual([0, 1]);
    await cell.advance(DAY + 60 * 60_000);
    expect(anna.horizon.progress().waiting).toEqual([memberHex(chen)]);
    const seized = await seize(anna, cell.stores.get(anna)!);
    expect(seized.canaryFound).toBe(false);
    expect(seized.keyringEpochs).toEqual([1]);
    for (const rt of [anna, chen]) await rt.close();
  });
});

describe('history horizon: named versions', () => {
  it('are dropped from every device once older than the horizon, and warned about before', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    await cell.advance(2_000);
    const index = anna.sync.doc(CELL_INDEX_DOC_ID);
    setHorizonPolicy(index, 7);
    const draft = createDraft(index, 'Issue 3', memberHex(anna), cell.scheduler.now());
    if (!draft.ok) throw new Error(draft.error);
    const doc = anna.sync.doc(draftDocId(draft.value)!);
    replaceDraftText(doc, `plan: ${CANARY}`);
    const saved = saveVersion(doc, 'first', memberHex(anna), cell.scheduler.now());
    expect(saved.ok).toBe(true);
    replaceDraftText(doc, 'plan: nothing to see');
    await cell.advance(60_000);
    const versionsOf = (rt: CellRuntime) =>
      listVersions(rt.sync.doc(draftDocId(draft.value)!)).entries;
    const [version] = versionsOf(boris);
    expect(version?.name).toBe('first');

    await cell.advance(5 * DAY);
    // Inside the warning window, still there.
    const expiry = versionExpiry(version!.at, week.setting)!;
    expect(expiry - cell.scheduler.now()).toBeLessThan(VERSION_WARNING_MS);
    expect(versionsOf(boris)).toHaveLength(1);

    await cell.advance(2 * DAY + 2 * 60 * 60_000);
    for (const rt of [anna, boris]) expect(versionsOf(rt)).toEqual([]);
    for (const rt of [anna, boris]) {
      await rt.sync.flush();
      const seized = await seize(rt, cell.stores.get(rt)!);
      expect(seized.canaryFound).toBe(false);
      expect(seized.keyringEpochs).toEqual([1]);
    }
    for (const rt of [anna, boris]) await rt.close();
  });
});

describe('history horizon: named versions on a device that just started keeping it', () => {
  it('are not deleted before the versions panel could warn for 3 days', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    await cell.advance(2_000);
    const index = anna.sync.doc(CELL_INDEX_DOC_ID);
    const draft = createDraft(index, 'Old issue', memberHex(anna), cell.scheduler.now());
    if (!draft.ok) throw new Error(draft.error);
    const doc = anna.sync.doc(draftDocId(draft.value)!);
    // Saved long before the horizon existed (dates from an older Quire).
    const at = cell.scheduler.now();
    await cell.advance(40 * DAY);
    expect(saveVersion(doc, 'ancient', memberHex(anna), at).ok).toBe(true);
    // What an upgraded device looks like: it has just started keeping the horizon.
    await anna.update({ horizonSince: cell.scheduler.now() });
    await cell.advance(2 * 60 * 60_000);
    expect(listVersions(doc).entries).toHaveLength(1);
    await cell.advance(VERSION_WARNING_MS);
    expect(listVersions(doc).entries).toEqual([]);
    await anna.close();
  });
});

describe('history horizon: until the next issue is printed', () => {
  it('never rotates on a clock; a coordinator printing rotates, a member printing does not', async () => {
    const { cell, founder: anna } = await createRuntimeCell();
    const boris = await cell.admit(anna, 'Boris', 'member', 1);
    await cell.advance(2_000);
    setHorizonPolicy(anna.sync.doc(CELL_INDEX_DOC_ID), 'issue');
    await cell.advance(40 * DAY);
    expect(anna.currentRoster().epoch).toBe(0);
    await boris.horizon.issuePrinted();
    await cell.advance(2_000);
    expect(anna.currentRoster().epoch).toBe(0);
    await anna.horizon.issuePrinted();
    await cell.advance(20 * 60_000);
    for (const rt of [anna, boris]) {
      expect(rt.currentRoster().epoch).toBe(1);
      expect([...rt.cellRecord.epochKeys.keys()]).toEqual([1]);
    }
    for (const rt of [anna, boris]) await rt.close();
  });
});
