import { describe, expect, it } from 'vitest';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { MAX_BODY_BYTES } from '../../../shared/envelope/envelopeFormat.ts';
import { DEFAULT_SYNC_LIMITS } from '../../../shared/sync/SyncLimits.ts';
import { encodeSnapshotBody } from '../../../shared/sync/snapshotBody.ts';
import { engineHarness } from './engineHarness.ts';

/**
 * Issue 14 item 6: a body of MAX_BODY_BYTES into a new document was applied by every member
 * (+120 MB per process), and the document then outgrew what one snapshot can carry. Receipt
 * enforces a per-update and a per-document budget (SyncLimits) that honest writing never reaches.
 */
describe('receipt enforces update and document budgets (issue 14 item 6)', () => {
  it('refuses an update of nearly MAX_BODY_BYTES into a new document', async () => {
    const h = await engineHarness();
    const text = 'x'.repeat(MAX_BODY_BYTES - 1000);
    const env = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, text)));
    await h.put(env.envId, env.bytes);
    // Before the fix the 8 MB text was applied.
    expect(h.text()).toBe('');
    expect(h.rejected('over_budget')).toBe(1);
    await h.close();
  });

  it('refuses the update that would take a document past its budget, applies the rest', async () => {
    const h = await engineHarness();
    const { maxUpdateBytes, maxDocBytes } = DEFAULT_SYNC_LIMITS;
    const piece = 'y'.repeat(maxUpdateBytes - 200);
    const fits = Math.floor(maxDocBytes / maxUpdateBytes);
    for (let seq = 1; seq <= fits + 1; seq++) {
      const env = h.seal(h.alice, ENVELOPE_KIND.update, seq, h.updateBody(h.edit(h.alice, piece)));
      await h.put(env.envId, env.bytes);
    }
    expect(h.rejected('over_budget')).toBe(1);
    expect(h.text().length).toBe(fits * piece.length);
    // A snapshot whose state is past the budget is refused too (before Yjs decodes it).
    const snap = encodeSnapshotBody({
      claims: [{ author: h.alice.signPk, session: 1 }],
      covered: [{ author: h.alice.signPk, seq: fits + 1 }],
      state: new Uint8Array(maxDocBytes + 1),
    });
    const s = h.seal(h.alice, ENVELOPE_KIND.snapshot, 1, snap);
    // Snapshots count only after a rollover (PROTOCOL §8): played into generation 1.
    const gen1 = h.wireAt(1);
    await h.rollTo(h.alice, 1);
    await gen1.put(s.envId, s.bytes);
    expect(h.rejected('over_budget')).toBe(2);
    await h.close();
  });
});
