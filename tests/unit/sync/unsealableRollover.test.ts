import { describe, expect, it } from 'vitest';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { MAX_BODY_BYTES } from '../../../shared/envelope/envelopeFormat.ts';
import { engineHarness } from './engineHarness.ts';

/**
 * Issue 14 item 6: a document whose state outgrew MAX_BODY_BYTES could not be snapshotted, yet
 * rollover still raised coverage and moved the cell to the next generation: what the snapshot
 * should have carried was lost for later members. A rollover that cannot carry every document
 * must not move.
 */
describe('a rollover that cannot seal a snapshot does not move (issue 14 item 6)', () => {
  it('stays in its generation, counts the failure and keeps serving every entry', async () => {
    // Budgets raised past one snapshot: what a member with older limits (or a bug) could hold.
    const h = await engineHarness({ maxUpdateBytes: 6 * 2 ** 20, maxDocBytes: 12 * 2 ** 20 });
    const chunk = 'the river kept rising '.repeat(220_000); // ~4.8 MB each, within these budgets
    for (let seq = 1; seq <= 2; seq++) {
      const env = h.seal(h.alice, ENVELOPE_KIND.update, seq, h.updateBody(h.edit(h.alice, chunk)));
      await h.put(env.envId, env.bytes);
    }
    expect(h.text().length).toBe(2 * chunk.length);
    expect(2 * chunk.length).toBeGreaterThan(MAX_BODY_BYTES);
    const failed = h.victim.diagnostics.rolloverFailed;
    await h.victim.rollover();
    await h.advance(10_000);
    // Before the fix: generation 1, announced, with no snapshot of the document in it.
    expect(h.victim.status().generation).toBe(0);
    expect(h.victim.diagnostics.rolloverFailed).toBeGreaterThan(failed);
    expect(h.victim.wireStats().entries).toBe(2);
    await h.close();
  });
});
