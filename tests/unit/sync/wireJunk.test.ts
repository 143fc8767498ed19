import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { prng, randBytes } from '../../support/prng.ts';
import { engineHarness } from './engineHarness.ts';

const MiB = 1024 * 1024;

/**
 * Issue 14 items 7 and 8: entries that never open (undecryptable, malformed, badly signed) stayed
 * in the wire doc and were served to every peer, so a holder of the room's transport secret (a
 * relay, a removed member in grace) could fill every member's memory (5 x 7 MiB made a wire doc
 * of 37 MiB). Junk must be evicted from the receiver's wire doc and never served on, unopened
 * entries kept only within a bound, and valid entries must still arrive.
 */
describe('junk in a wire doc is evicted, not kept or re-served (issue 14 items 7, 8)', () => {
  it("a secret holder's undecryptable entries do not reach a peer that joins later; valid ones do", async () => {
    const seed = 7;
    const rand = prng(seed);
    const h = await engineHarness();
    const attacker = h.joinRaw();
    const junkKeys: string[] = [];
    for (let i = 0; i < 5; i++) {
      const key = `junk${i}`;
      junkKeys.push(key);
      attacker.doc.getMap('envelopes').set(key, randBytes(rand, MiB));
    }
    const valid = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'hello')));
    attacker.doc.getMap('envelopes').set(valid.envId, valid.bytes);
    await h.advance(50);
    expect(h.text()).toBe('hello');
    // The attacker leaves; a listener that only takes what the cell serves joins, then rita.
    attacker.room.close();
    h.net.setOffline(2, true); // the harness's own raw peer too: only the victim serves
    const listener = h.joinRaw();
    const rita = await h.openPeer(h.rita);
    await h.advance(100);
    const served = listener.doc.getMap('envelopes');
    for (const key of junkKeys) expect(served.has(key), `seed ${seed}: ${key} served`).toBe(false);
    expect(served.has(valid.envId)).toBe(true);
    // Before the fix the victim served all 5 MiB of junk on.
    expect(Y.encodeStateAsUpdate(listener.doc).length).toBeLessThan(64 * 1024);
    expect(rita.doc(h.docId).getText('t').toJSON()).toBe('hello');
    expect(rita.diagnostics.rejectedTotal()).toBe(0);
    expect(h.victim.diagnostics.evicted).toBe(5);
    listener.room.close();
    await rita.close();
    await h.close();
  });

  it('junk squatting a real envelope id does not block the real bytes arriving later', async () => {
    const h = await engineHarness();
    const valid = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'hi')));
    await h.put(valid.envId, randBytes(prng(3), 300));
    await h.put(valid.envId, valid.bytes);
    expect(h.text()).toBe('hi');
    await h.close();
  });

  it('signed entries from authors the roster does not know are kept only within a bound', async () => {
    const h = await engineHarness();
    const rand = prng(11);
    // A content-key holder's own keypair: decrypts and verifies, but is no member (yet).
    for (let seq = 1; seq <= 1200; seq++) {
      const env = h.seal(
        h.stranger,
        ENVELOPE_KIND.update,
        seq,
        h.updateBody(randBytes(rand, 6000)),
      );
      h.wire.getMap('envelopes').set(env.envId, env.bytes);
    }
    await h.advance(50);
    // Before the fix all 1,200 (~7.4 MB) were kept, stored and re-served.
    expect(h.victim.wireStats().entries).toBeLessThanOrEqual(1000);
    expect(h.victim.wireStats().bytes).toBeLessThanOrEqual(4 * MiB);
    await h.close();
  });
});

describe('a wire doc carries only its envelopes map', () => {
  it('junk under another root name is deleted, not served on', async () => {
    const h = await engineHarness();
    const attacker = h.joinRaw();
    attacker.doc.getMap('wire').set('x', randBytes(prng(5), 512 * 1024));
    attacker.doc.getArray('more').push([randBytes(prng(6), 512 * 1024)]);
    await h.advance(50);
    attacker.room.close();
    h.net.setOffline(2, true);
    const listener = h.joinRaw();
    await h.advance(100);
    // Before the fix the victim served both roots on (1 MiB).
    expect(Y.encodeStateAsUpdate(listener.doc).length).toBeLessThan(64 * 1024);
    listener.room.close();
    await h.close();
  });
});
