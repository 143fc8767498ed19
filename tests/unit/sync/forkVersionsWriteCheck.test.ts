import { describe, expect, it } from 'vitest';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { forkProofKey, type ForkSide } from '../../../shared/sync/forkProof.ts';
import { sealForkProof } from '../../../shared/sync/sealForkProof.ts';
import { engineHarness } from './engineHarness.ts';

type Harness = Awaited<ReturnType<typeof engineHarness>>;

const side = (h: Harness, bytes: Uint8Array): ForkSide => {
  const plain = decryptEnvelope(bytes, h.secrets.contentKey, h.cellId, 0);
  if (!plain.ok) throw new Error(plain.error);
  return { epoch: 0, plaintext: plain.value };
};

/**
 * Sibling of issue 17's content rule: a fork heal (PROTOCOL §5.3) merges the canonical version of
 * a forked update, and the others' tails, straight into the rebuilt document. A fork proof needs
 * only an author the roster knows (a reader is one) and the content key: a reader signs two
 * versions of her "update 1" of a draft body, seals them as a proof herself, and posts it.
 */
describe('a fork proof cannot carry writes its author may not make', () => {
  // Fails on the code before the fix: the heal wrote 'Meet at nine. ЛОЖЬ' (the reader's canonical
  // version) into the body.
  it.fails('a reader’s self-made fork proof never writes into a draft body', async () => {
    const h = await engineHarness();
    const mine = h.seal(
      h.alice,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(h.edit(h.alice, 'Meet at nine. ')),
    );
    await h.put(mine.envId, mine.bytes);
    expect(h.text()).toBe('Meet at nine. ');
    const one = h.seal(h.rita, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.rita, 'ЛОЖЬ', 1), 1));
    const two = h.seal(h.rita, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.rita, 'LIES', 2), 2));
    const sealed = sealForkProof(
      side(h, one.bytes),
      side(h, two.bytes),
      h.secrets.contentKey,
      h.cellId,
      0,
    );
    await h.put(forkProofKey(sealed), sealed);
    await h.advance(100);
    expect(h.text()).toBe('Meet at nine. ');
    await h.close();
  });
});
