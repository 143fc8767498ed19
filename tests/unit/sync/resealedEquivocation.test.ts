import { describe, expect, it } from 'vitest';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { resealEnvelope } from '../../support/resealEnvelope.ts';
import { engineHarness } from './engineHarness.ts';

type Harness = Awaited<ReturnType<typeof engineHarness>>;

function reseal(h: Harness, bytes: Uint8Array): { envId: string; bytes: Uint8Array } {
  const copy = resealEnvelope(bytes, h.secrets.contentKey, h.cellId, 0);
  if (!copy) throw new Error('could not open the honest envelope');
  return copy;
}

describe('equivocation is judged on the signed fields, not on sealed bytes (PROTOCOL §4.5)', () => {
  it('a member re-sealing an honest update does not make its author an equivocator', async () => {
    const h = await engineHarness();
    const honest = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'hi')));
    await h.put(honest.envId, honest.bytes);
    const copy = reseal(h, honest.bytes);
    expect(copy.envId).not.toBe(honest.envId);
    const duplicatesBefore = h.victim.diagnostics.duplicates;
    await h.put(copy.envId, copy.bytes);
    expect(h.text()).toBe('hi');
    expect(h.rejected('equivocation')).toBe(0);
    expect(h.victim.diagnostics.equivocators.size).toBe(0);
    expect(h.victim.diagnostics.duplicates).toBe(duplicatesBefore + 1);
    await h.close();
  });

  it('a re-sealed copy that arrives first is just as good; the original is then a duplicate', async () => {
    const h = await engineHarness();
    const honest = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'hi')));
    const copy = reseal(h, honest.bytes);
    await h.put(copy.envId, copy.bytes);
    await h.put(honest.envId, honest.bytes);
    expect(h.text()).toBe('hi');
    expect(h.victim.diagnostics.equivocators.size).toBe(0);
    await h.close();
  });

  it('two different signed bodies under one seq are still equivocation, and named', async () => {
    const h = await engineHarness();
    const one = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'library')));
    const two = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'bus')));
    await h.put(one.envId, one.bytes);
    await h.put(two.envId, two.bytes);
    expect(h.rejected('equivocation')).toBe(1);
    expect([...h.victim.diagnostics.equivocators]).toEqual([sodium().to_hex(h.alice.signPk)]);
    expect(h.text()).toBe('library');
    await h.close();
  });
});
