import { describe, expect, it } from 'vitest';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { forkReleaseKey } from '../../../shared/sync/forkRelease.ts';
import { isForkProofKey } from '../../../shared/sync/forkProof.ts';
import { sealForkRelease } from '../../../shared/sync/sealForkRelease.ts';
import { encodeUpdateBody } from '../../../shared/sync/updateBody.ts';
import { engineHarness } from './engineHarness.ts';

type Harness = Awaited<ReturnType<typeof engineHarness>>;

const hex = (b: Uint8Array) => sodium().to_hex(b);

/** Alice signs "library" and "bus" as her update 1, then "!" as update 2 after "library". */
async function forkThenWrite(h: Harness) {
  // Sealed in this order, so the harness chains update 2 onto "library" (UpdateChain).
  const bus = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'bus', 2)));
  const one = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'library')));
  await h.put(one.envId, one.bytes);
  await h.put(bus.envId, bus.bytes);
  const two = h.seal(h.alice, ENVELOPE_KIND.update, 2, h.updateBody(h.edit(h.alice, '!')));
  await h.put(two.envId, two.bytes);
  return { one, bus, two };
}

describe('quarantine: a proven equivocator’s writes in that document wait for a coordinator', () => {
  it('holds their further writes: kept in the wire doc and the store, counted, not applied', async () => {
    const h = await engineHarness();
    const { two } = await forkThenWrite(h);
    expect([...h.victim.diagnostics.provenEquivocators.keys()]).toEqual([hex(h.alice.signPk)]);
    expect(h.text()).toBe('library');
    expect(h.victim.diagnostics.quarantined.has(two.envId)).toBe(true);
    expect(h.victim.diagnostics.snapshot()['quarantined']).toBe(1);
    expect(h.wire.getMap('envelopes').get(two.envId)).toEqual(two.bytes);
    await h.victim.flush();
    const stored = (await h.store.loadCell()).envelopes.get('0:0') ?? [];
    expect(stored.some((e) => e.envId === two.envId)).toBe(true);
    // Only in that document: bob's own writing and other authors are not held.
    const rita = h.seal(h.bob, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.bob, ' ok')));
    await h.put(rita.envId, rita.bytes);
    expect(h.text()).toContain(' ok');
    await h.close();
  });

  it('a coordinator’s signed release lets the held writes through', async () => {
    const h = await engineHarness();
    const { two } = await forkThenWrite(h);
    expect(h.victim.releaseQuarantine(hex(h.alice.signPk), hex(h.docId))).toBe(1);
    await h.advance(10);
    expect(h.text()).toBe('library!');
    expect(h.victim.diagnostics.quarantined.has(two.envId)).toBe(false);
    // Nothing left to release.
    expect(h.victim.releaseQuarantine(hex(h.alice.signPk), hex(h.docId))).toBe(0);
    await h.close();
  });

  it('refuses a release signed by anyone but a coordinator (the equivocator herself)', async () => {
    const h = await engineHarness();
    await forkThenWrite(h);
    const proofKey = [...h.wire.getMap('envelopes').keys()].find(isForkProofKey);
    expect(proofKey).toBeDefined();
    // Alice learns the proof id from any verified proof; she signs a release of her own.
    const internals = h.victim as unknown as {
      receiver: { quarantine: { unreleased(a: string, d: string): string[] } };
    };
    const [proofId] = internals.receiver.quarantine.unreleased(hex(h.alice.signPk), hex(h.docId));
    const subject = {
      authorHex: hex(h.alice.signPk),
      docHex: hex(h.docId),
      proofId: proofId ?? '',
    };
    const sealed = sealForkRelease(subject, h.alice, h.secrets.contentKey, h.cellId, 0);
    if (!sealed.ok) throw new Error(sealed.error);
    const before = h.rejected('malformed');
    await h.put(forkReleaseKey(sealed.value), sealed.value);
    expect(h.text()).toBe('library');
    expect(h.rejected('malformed')).toBe(before + 1);
    await h.close();
  });

  it('an update whose chain link names another seq - 1 is a fork, proven and refused', async () => {
    const h = await engineHarness();
    const one = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'library')));
    await h.put(one.envId, one.bytes);
    const forged = encodeUpdateBody({
      session: 1,
      prev: new Uint8Array(16).fill(7),
      update: h.edit(h.alice, '!'),
    });
    const two = h.seal(h.alice, ENVELOPE_KIND.update, 2, forged);
    await h.put(two.envId, two.bytes);
    expect(h.text()).toBe('library');
    expect(h.rejected('equivocation')).toBe(1);
    expect([...h.victim.diagnostics.provenEquivocators.keys()]).toEqual([hex(h.alice.signPk)]);
    await h.close();
  });

  it('an update at seq 1 naming a previous envelope, or above 1 naming none, is malformed', async () => {
    const h = await engineHarness();
    const prev = new Uint8Array(16).fill(1);
    const bad1 = encodeUpdateBody({ session: 1, prev, update: h.edit(h.alice, 'a') });
    const e1 = h.seal(h.alice, ENVELOPE_KIND.update, 1, bad1);
    await h.put(e1.envId, e1.bytes);
    expect(h.rejected('malformed_update')).toBe(1);
    expect(h.text()).toBe('');
    await h.close();
  });
});
