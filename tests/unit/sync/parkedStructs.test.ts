import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { engineHarness, type Keys } from './engineHarness.ts';

type Harness = Awaited<ReturnType<typeof engineHarness>>;

/**
 * `text` appended in `session` of `author` on top of session 1's own text, which is never sent:
 * the update's structs name origins the receiver does not have, so Yjs parks them.
 */
function orphan(h: Harness, author: Keys, text: string, base = 'base', session = 2): Uint8Array {
  const one = new Y.Doc();
  one.clientID = clientIdFor(author.signPk, h.docId, 1);
  one.getText('t').insert(0, base);
  const two = new Y.Doc();
  two.clientID = clientIdFor(author.signPk, h.docId, session);
  Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
  const before = Y.encodeStateVector(two);
  two.getText('t').insert(base.length, text);
  return Y.encodeStateAsUpdate(two, before);
}

const parked = (h: Harness): number =>
  (h.victim.doc(h.docId).store.pendingStructs?.update.length ?? 0) +
  (h.victim.doc(h.docId).store.pendingDs?.length ?? 0);

/**
 * Issue 14 item 6: structs with missing origins park in Yjs's pending structs, invisible, growing
 * with every such update and written into every checkpoint and snapshot. Parked bytes are capped
 * per author and their age bounded; what does not resolve is dropped and counted.
 */
describe('structs parked for missing origins are bounded (issue 14 item 6)', () => {
  it("drops an author's parked structs past the byte cap and counts it", async () => {
    const h = await engineHarness({ parkedMaxBytes: 64 * 1024 });
    for (let seq = 1; seq <= 4; seq++) {
      const update = orphan(h, h.alice, `${seq}`.repeat(30_000), `base${seq}`, 2 + seq);
      const env = h.seal(h.alice, ENVELOPE_KIND.update, seq, h.updateBody(update, 2 + seq));
      await h.put(env.envId, env.bytes);
    }
    // Before the fix all 120 KB stayed parked.
    expect(parked(h)).toBeLessThanOrEqual(64 * 1024);
    expect(h.rejected('parked_dropped')).toBeGreaterThan(0);
    await h.close();
  });

  it('drops parked structs that do not resolve within the age bound, keeps what resolves', async () => {
    const h = await engineHarness({ parkedMaxAgeMs: 60_000 });
    const env = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(orphan(h, h.alice, 'x'), 2));
    await h.put(env.envId, env.bytes);
    expect(parked(h)).toBeGreaterThan(0);
    await h.advance(120_000);
    // Any later update (or checkpoint) sweeps them.
    const next = h.seal(
      h.alice,
      ENVELOPE_KIND.update,
      2,
      h.updateBody(h.edit(h.alice, 'ok', 9), 9),
    );
    await h.put(next.envId, next.bytes);
    expect(parked(h)).toBe(0);
    expect(h.rejected('parked_dropped')).toBe(1);
    expect(h.text()).toBe('ok');
    await h.close();
  });
});
