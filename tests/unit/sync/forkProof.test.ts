import { describe, expect, it } from 'vitest';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { forkProofKey, isForkProofKey, type ForkSide } from '../../../shared/sync/forkProof.ts';
import { openForkProof } from '../../../shared/sync/openForkProof.ts';
import { sealForkProof } from '../../../shared/sync/sealForkProof.ts';
import { engineHarness } from './engineHarness.ts';

type Harness = Awaited<ReturnType<typeof engineHarness>>;

const side = (h: Harness, bytes: Uint8Array): ForkSide => {
  const plain = decryptEnvelope(bytes, h.secrets.contentKey, h.cellId, 0);
  if (!plain.ok) throw new Error(plain.error);
  return { epoch: 0, plaintext: plain.value };
};

const proof = (h: Harness, a: ForkSide, b: ForkSide) => {
  const sealed = sealForkProof(a, b, h.secrets.contentKey, h.cellId, 0);
  return { key: forkProofKey(sealed), bytes: sealed };
};

/** Alice signs "library" and "bus" as her update 1 in one document. */
const fork = (h: Harness) => ({
  one: h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'library'))),
  two: h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'bus'), 2)),
});

const proven = (h: Harness) => [...h.victim.diagnostics.provenEquivocators.keys()];

describe('fork proofs name an equivocator to every member', () => {
  it('a member who sees both sides posts a proof that anyone with the content key verifies', async () => {
    const h = await engineHarness();
    const { one, two } = fork(h);
    await h.put(one.envId, one.bytes);
    await h.put(two.envId, two.bytes);
    const aliceHex = sodium().to_hex(h.alice.signPk);
    expect(proven(h)).toEqual([aliceHex]);
    const posted = [...h.wire.getMap('envelopes').entries()].filter(([k]) => isForkProofKey(k));
    expect(posted).toHaveLength(1);
    const [key, value] = posted[0] ?? [];
    const checked = openForkProof(String(key), value, {
      cellId: h.cellId,
      epoch: 0,
      contentKey: h.secrets.contentKey,
      roster: fixedRoster([{ signPk: h.alice.signPk, role: 'writer' }]),
    });
    expect(checked.ok && checked.value.authorHex).toBe(aliceHex);
    // Seeing the fork again posts nothing more.
    const three = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'x'), 3));
    await h.put(three.envId, three.bytes);
    const after = [...h.wire.getMap('envelopes').keys()].filter(isForkProofKey);
    expect(after).toHaveLength(1);
    await h.close();
  });

  it('a member who saw neither side learns the equivocator from the proof alone', async () => {
    const h = await engineHarness();
    const { one, two } = fork(h);
    const p = proof(h, side(h, one.bytes), side(h, two.bytes));
    await h.put(p.key, p.bytes);
    expect(proven(h)).toEqual([sodium().to_hex(h.alice.signPk)]);
    expect(h.text()).toBe('');
    await h.close();
  });

  it('refuses proofs that do not prove a fork, whoever posts them', async () => {
    const h = await engineHarness();
    const { one, two } = fork(h);
    const a = side(h, one.bytes);
    const bob = h.seal(h.bob, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.bob, 'bus')));
    const tampered = side(h, two.bytes).plaintext.slice();
    tampered[tampered.length - 70] = (tampered[tampered.length - 70] ?? 0) ^ 1; // in the body
    const stranger = h.seal(
      h.stranger,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(h.edit(h.stranger, 'a')),
    );
    const stranger2 = h.seal(
      h.stranger,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(h.edit(h.stranger, 'b'), 2),
    );
    const resealed = decryptEnvelope(one.bytes, h.secrets.contentKey, h.cellId, 0);
    if (!resealed.ok) throw new Error('open');
    const fakes = [
      // The same signed fields twice (a re-seal): no fork.
      proof(h, a, { epoch: 0, plaintext: resealed.value }),
      // Two different authors under one seq: no fork.
      proof(h, a, side(h, bob.bytes)),
      // One side altered by the accuser: its signature fails.
      proof(h, a, { epoch: 0, plaintext: tampered }),
      // A side signed for another epoch than the one it claims.
      proof(h, a, { epoch: 1, plaintext: side(h, two.bytes).plaintext }),
      // Someone the roster does not know.
      proof(h, side(h, stranger.bytes), side(h, stranger2.bytes)),
    ];
    for (const f of fakes) await h.put(f.key, f.bytes);
    await h.put('fork/' + 'a'.repeat(32), new Uint8Array([1, 2, 3]));
    expect(proven(h)).toEqual([]);
    expect(h.rejected('malformed')).toBe(fakes.length + 1);
    await h.close();
  });
});
