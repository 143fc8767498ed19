import { describe, expect, it } from 'vitest';
import { aeadSeal } from '../../../shared/crypto/aeadSeal.ts';
import { concatBytes } from '../../../shared/crypto/bytes.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { envelopeAd } from '../../../shared/envelope/envelopeAd.ts';
import { envelopeId } from '../../../shared/envelope/envelopeId.ts';
import { ENVELOPE_VERSION } from '../../../shared/envelope/envelopeFormat.ts';
import { padPlaintext } from '../../../shared/envelope/padPlaintext.ts';
import { paddedEnvelopeLength } from '../../../shared/envelope/paddedEnvelopeLength.ts';
import { engineHarness } from './engineHarness.ts';

type Harness = Awaited<ReturnType<typeof engineHarness>>;

/**
 * What any holder of the content key can do without the author's signing key: open an honest
 * envelope and seal the same signed plaintext again under a fresh nonce (a new envId).
 */
function reseal(h: Harness, bytes: Uint8Array): { envId: string; bytes: Uint8Array } {
  const plain = decryptEnvelope(bytes, h.secrets.contentKey, h.cellId, 0);
  if (!plain.ok) throw new Error(plain.error);
  const sealed = concatBytes(
    new Uint8Array([ENVELOPE_VERSION]),
    aeadSeal(
      h.secrets.contentKey,
      padPlaintext(plain.value, paddedEnvelopeLength(plain.value.length)),
      envelopeAd(h.cellId, 0),
    ),
  );
  return { envId: envelopeId(sealed), bytes: sealed };
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
