import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { DEFAULT_SYNC_LIMITS } from '../../../shared/sync/SyncLimits.ts';
import { engineHarness } from './engineHarness.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * Issue 14 item 6, the honest side of the budgets: every member refuses an update over
 * maxUpdateBytes, so a member who pastes more than that at once must be told that the others do
 * not have it (before, nothing said so: the paste stayed on her device alone). And her own writes
 * count in her document's running size, so she judges the next remote update against the size
 * the document really has (before, only received bytes counted: past the budget on her device,
 * she still took updates that every other member refused).
 */
describe("this device's own writes against the receipt budgets", () => {
  it('tells the writer when her own update is larger than the others accept', async () => {
    const h = await engineHarness();
    const alice = await h.openPeer(h.alice);
    const doc = h.victim.doc(h.docId);
    doc.getText('t').insert(0, 'z'.repeat(DEFAULT_SYNC_LIMITS.maxUpdateBytes + 1024));
    await h.scheduler.advance(5000, settle);
    expect(h.victim.diagnostics.ownOverBudget.get(toHex(h.docId))).toBe('update');
    // The others really refuse it.
    expect(alice.doc(h.docId).getText('t').length).toBe(0);
    expect(alice.diagnostics.rejected.get('over_budget')).toBe(1);
    await alice.close();
    await h.close();
  });

  it('counts her own writes in the document size that remote updates are judged against', async () => {
    const h = await engineHarness();
    const { maxUpdateBytes, maxDocBytes } = DEFAULT_SYNC_LIMITS;
    const doc = h.victim.doc(h.docId);
    const piece = maxUpdateBytes - 4096;
    const own = Math.floor(maxDocBytes / piece);
    for (let i = 0; i < own; i++) {
      doc.getText('t').insert(0, 'o'.repeat(piece));
      await h.scheduler.advance(2000, settle);
    }
    const before = doc.getText('t').length;
    // An update that fits within an empty document but not within hers.
    const remote = h.edit(h.alice, 'r'.repeat(maxDocBytes - own * piece + 8192));
    const env = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(remote));
    await h.put(env.envId, env.bytes);
    expect(h.rejected('over_budget')).toBe(1);
    expect(doc.getText('t').length).toBe(before);
    expect(Y.encodeStateAsUpdate(doc).length).toBeLessThanOrEqual(maxDocBytes);
    await h.close();
  });
});
