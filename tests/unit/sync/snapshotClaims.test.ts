import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { decodeEnvelope } from '../../../shared/envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { encodeSnapshotBody, type SeqMark } from '../../../shared/sync/snapshotBody.ts';
import { decodeUpdateBody } from '../../../shared/sync/updateBody.ts';
import { engineHarness, type Keys } from './engineHarness.ts';

type Harness = Awaited<ReturnType<typeof engineHarness>>;

/** A Y.Doc writing as `author` in `session` of the harness document. */
function authorDoc(h: Harness, author: Keys, session: number): Y.Doc {
  const d = new Y.Doc();
  d.clientID = clientIdFor(author.signPk, h.docId, session);
  return d;
}

/** Appends `text` in `d` and returns just that change. */
function type(d: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(d);
  d.getText('t').insert(d.getText('t').length, text);
  return Y.encodeStateAsUpdate(d, before);
}

/** A snapshot envelope body with the given claims, coverage and state. */
function snapshot(
  claims: { author: Keys; session: number }[],
  covered: { author: Keys; seq: number }[],
  state: Uint8Array,
): Uint8Array {
  return encodeSnapshotBody({
    claims: claims.map((c) => ({ author: c.author.signPk, session: c.session })),
    covered: covered.map((m): SeqMark => ({ author: m.author.signPk, seq: m.seq })),
    state,
  });
}

/** Sessions of the updates `author` published into a raw wire doc (decrypted by the test). */
function sessionsIn(h: Harness, wire: Y.Doc, author: Keys): number[] {
  const out: number[] = [];
  for (const value of wire.getMap('envelopes').values()) {
    if (!(value instanceof Uint8Array)) continue;
    const plain = decryptEnvelope(value, h.secrets.contentKey, h.cellId, 0);
    const env = plain.ok ? decodeEnvelope(plain.value) : undefined;
    if (!env?.ok || env.value.kind !== ENVELOPE_KIND.update) continue;
    if (sodium().to_hex(env.value.author) !== sodium().to_hex(author.signPk)) continue;
    const body = decodeUpdateBody(env.value.body);
    if (body.ok) out.push(body.value.session);
  }
  return out;
}

describe('issue 14 item 2: a snapshot cannot put words under another member', () => {
  it('an informer pre-claiming the rest of a member session is refused; her own words win', async () => {
    const h = await engineHarness();
    const carol = authorDoc(h, h.carol, 7);
    const first = h.seal(
      h.carol,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(type(carol, 'meet at '), 7),
    );
    await h.put(first.envId, first.bytes);
    // The informer saw carol's first update and fills the clocks carol will write next.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(carol));
    forged.clientID = clientIdFor(h.carol.signPk, h.docId, 7);
    type(forged, 'the bus station');
    const gen1 = h.wireAt(1);
    await h.rollTo(h.alice, 1);
    const body = snapshot(
      [{ author: h.carol, session: 7 }],
      [{ author: h.carol, seq: 1 }],
      Y.encodeStateAsUpdate(forged),
    );
    const snap = h.seal(h.alice, ENVELOPE_KIND.snapshot, 1, body);
    await gen1.put(snap.envId, snap.bytes);
    // Carol comes back from writing offline.
    const second = h.seal(
      h.carol,
      ENVELOPE_KIND.update,
      2,
      h.updateBody(type(carol, 'the library'), 7),
    );
    await h.put(second.envId, second.bytes);
    expect(h.text()).toBe('meet at the library');
    expect(h.victim.diagnostics.snapshotsWaiting).toBe(1);
    gen1.room.close();
    await h.close();
  });

  it('a session of another member that no signed update of hers shows is refused', async () => {
    const h = await engineHarness();
    const carol = authorDoc(h, h.carol, 7);
    const first = h.seal(h.carol, ENVELOPE_KIND.update, 1, h.updateBody(type(carol, 'hello'), 7));
    await h.put(first.envId, first.bytes);
    const forged = authorDoc(h, h.carol, 8);
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(carol));
    type(forged, ' informer text');
    const gen1 = h.wireAt(1);
    await h.rollTo(h.alice, 1);
    const body = snapshot(
      [
        { author: h.carol, session: 7 },
        { author: h.carol, session: 8 },
      ],
      [{ author: h.carol, seq: 1 }],
      Y.encodeStateAsUpdate(forged),
    );
    const snap = h.seal(h.alice, ENVELOPE_KIND.snapshot, 1, body);
    await gen1.put(snap.envId, snap.bytes);
    expect(h.text()).toBe('hello');
    expect(h.victim.diagnostics.snapshotsWaiting).toBe(1);
    gen1.room.close();
    await h.close();
  });

  it("a snapshot in the cell's first wire doc (no rollover, no top-up) is refused", async () => {
    const h = await engineHarness();
    const alice = authorDoc(h, h.alice, 1);
    type(alice, 'out of context');
    const body = snapshot([{ author: h.alice, session: 1 }], [], Y.encodeStateAsUpdate(alice));
    const snap = h.seal(h.alice, ENVELOPE_KIND.snapshot, 1, body);
    await h.put(snap.envId, snap.bytes);
    expect(h.text()).toBe('');
    expect(h.rejected('snapshot_out_of_context')).toBe(1);
    await h.close();
  });

  it('editing sessions are unpredictable: not 1, 2, 3 in the order documents open', async () => {
    const h = await engineHarness();
    const docs = [h.docId, new Uint8Array(16).fill(1), new Uint8Array(16).fill(2)];
    for (const d of docs) h.victim.doc(d).getText('t').insert(0, 'x');
    await h.advance(2000);
    const sessions = sessionsIn(h, h.wire, h.bob);
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s <= 3)).toEqual([]);
    await h.close();
  });
});

describe('a snapshot held back is merged once the updates that vouch for it arrive', () => {
  it('an honest snapshot that outruns an update is merged when the update comes', async () => {
    const h = await engineHarness();
    const carol = authorDoc(h, h.carol, 7);
    const u1 = h.seal(h.carol, ENVELOPE_KIND.update, 1, h.updateBody(type(carol, 'one '), 7));
    const u2 = h.seal(h.carol, ENVELOPE_KIND.update, 2, h.updateBody(type(carol, 'two'), 7));
    await h.put(u1.envId, u1.bytes);
    // Alice saw both of carol's updates and rolls over; bob has only the first so far.
    const alice = new Y.Doc();
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(carol));
    alice.clientID = clientIdFor(h.alice.signPk, h.docId, 1);
    alice.getText('t').insert(0, 'A: ');
    const body = snapshot(
      [
        { author: h.alice, session: 1 },
        { author: h.carol, session: 7 },
      ],
      [{ author: h.carol, seq: 2 }],
      Y.encodeStateAsUpdate(alice),
    );
    const gen1 = h.wireAt(1);
    await h.rollTo(h.alice, 1);
    const snap = h.seal(h.alice, ENVELOPE_KIND.snapshot, 1, body);
    await gen1.put(snap.envId, snap.bytes);
    expect(h.text()).toBe('one ');
    expect(h.victim.diagnostics.snapshotsWaiting).toBe(1);
    await h.put(u2.envId, u2.bytes);
    expect(h.text()).toBe('A: one two');
    expect(h.victim.diagnostics.snapshotsWaiting).toBe(0);
    expect(h.victim.diagnostics.rejectedTotal()).toBe(0);
    gen1.room.close();
    await h.close();
  });
});

describe('two members vouch for what one member missed', () => {
  it('snapshots of two signers agreeing on an extent of a third member are merged', async () => {
    const h = await engineHarness();
    const carol = authorDoc(h, h.carol, 7);
    const u1 = h.seal(h.carol, ENVELOPE_KIND.update, 1, h.updateBody(type(carol, 'one '), 7));
    await h.put(u1.envId, u1.bytes);
    // Carol's second update is gone with a retired generation; alice and dave both hold it.
    type(carol, 'two');
    const gen1 = h.wireAt(1);
    await h.rollTo(h.alice, 1);
    for (const [signer, seq] of [
      [h.alice, 1],
      [h.dave, 1],
    ] as const) {
      const body = snapshot(
        [{ author: h.carol, session: 7 }],
        [{ author: h.carol, seq: 2 }],
        Y.encodeStateAsUpdate(carol),
      );
      const snap = h.seal(signer, ENVELOPE_KIND.snapshot, seq, body);
      await gen1.put(snap.envId, snap.bytes);
      await h.advance(10);
    }
    expect(h.text()).toBe('one two');
    expect(h.victim.diagnostics.snapshotsWaiting).toBe(0);
    gen1.room.close();
    await h.close();
  });
});

describe('issue 14 item 3: inflated coverage cannot censor an author for later members', () => {
  it('a member admitted after the rollover sees the censored author', async () => {
    const h = await engineHarness();
    const carol = authorDoc(h, h.carol, 7);
    for (const [seq, words] of [
      [1, 'our article, '],
      [2, 'part two'],
    ] as const) {
      const env = h.seal(h.carol, ENVELOPE_KIND.update, seq, h.updateBody(type(carol, words), 7));
      await h.put(env.envId, env.bytes);
    }
    const alice = authorDoc(h, h.alice, 1);
    const gen1 = h.wireAt(1);
    const beacon = await h.rollTo(h.alice, 1);
    type(alice, 'nothing to see');
    const body = snapshot(
      [{ author: h.alice, session: 1 }],
      [{ author: h.carol, seq: 0xffffffff }],
      Y.encodeStateAsUpdate(alice),
    );
    const snap = h.seal(h.alice, ENVELOPE_KIND.snapshot, 1, body);
    await gen1.put(snap.envId, snap.bytes);
    // Bob carries what the snapshot does not cover, then leaves generation 0 for good.
    await h.advance(11 * 60 * 1000);
    h.room.close();
    gen1.room.close();
    beacon.room.close();
    const newcomer = await h.openPeer(h.rita);
    await h.advance(10_000);
    expect(newcomer.doc(h.docId).getText('t').toJSON()).toContain('our article, part two');
    await newcomer.close();
    await h.close();
  });
});

describe('issue 14 item 4: a straggler cannot launder a removed member', () => {
  it('words a removed member wrote after the removal do not reach a peer that knew it', async () => {
    const h = await engineHarness();
    const alice = authorDoc(h, h.alice, 3);
    const before = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(type(alice, 'old '), 3));
    await h.put(before.envId, before.bytes);
    h.remove(h.alice);
    // Carol had not seen the removal: she applied alice's late write, and rolls over.
    type(alice, 'laundered');
    const straggler = authorDoc(h, h.carol, 5);
    Y.applyUpdate(straggler, Y.encodeStateAsUpdate(alice));
    type(straggler, ' and carol');
    const gen1 = h.wireAt(1);
    await h.rollTo(h.carol, 1);
    const body = snapshot(
      [
        { author: h.alice, session: 3 },
        { author: h.carol, session: 5 },
      ],
      [
        { author: h.alice, seq: 2 },
        { author: h.carol, seq: 1 },
      ],
      Y.encodeStateAsUpdate(straggler),
    );
    const snap = h.seal(h.carol, ENVELOPE_KIND.snapshot, 1, body);
    await gen1.put(snap.envId, snap.bytes);
    expect(h.text()).not.toContain('laundered');
    expect(h.victim.diagnostics.snapshotsWaiting).toBe(1);
    gen1.room.close();
    await h.close();
  });

  it('a straggler that learns of the removal does not carry the late write further', async () => {
    const h = await engineHarness({ republishDelayMs: 100 });
    const alice = authorDoc(h, h.alice, 3);
    const early = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(type(alice, 'old '), 3));
    const late = h.seal(h.alice, ENVELOPE_KIND.update, 2, h.updateBody(type(alice, 'late'), 3));
    // Bob applies both before he hears of the removal, then the cell rolls over.
    await h.put(early.envId, early.bytes);
    await h.put(late.envId, late.bytes);
    expect(h.text()).toBe('old late');
    h.remove(h.alice);
    const gen1 = h.wireAt(1);
    await h.rollTo(h.carol, 1);
    await h.advance(1_000);
    const carried = gen1.doc.getMap('envelopes');
    expect(carried.has(late.envId)).toBe(false);
    expect(carried.has(early.envId)).toBe(false);
    gen1.room.close();
    await h.close();
  });
});

describe('honest members still converge under the snapshot rules', () => {
  it('a member offline across a rollover (the old generation retired) ends identical', async () => {
    const h = await engineHarness({
      rolloverEntries: 8,
      rolloverJitterMs: 10,
      republishDelayMs: 100,
      drainMs: 2_000,
    });
    h.room.close();
    const alice = await h.openPeer(h.alice);
    const carol = await h.openPeer(h.carol);
    const typeIn = async (engine: typeof alice, words: string) => {
      for (const ch of words) {
        const t = engine.doc(h.docId).getText('t');
        t.insert(t.length, ch);
        await h.advance(1_500);
      }
    };
    await typeIn(carol, 'c1');
    await typeIn(alice, 'a1');
    await h.advance(2_000);
    expect(h.text()).toBe(alice.doc(h.docId).getText('t').toJSON());
    // Bob goes offline; carol writes on in the same session, then alice fills generation 0.
    await h.victim.close();
    await typeIn(carol, 'c2c3');
    await typeIn(alice, 'a2a3a4a5');
    await h.advance(5_000);
    expect(alice.status().generation).toBeGreaterThan(0);
    await typeIn(alice, 'a6');
    await h.advance(5_000);
    // Bob comes back from his store: generation 0 is gone from everyone.
    const bob = await h.openPeer(h.bob, h.store);
    await h.advance(10_000);
    const text = alice.doc(h.docId).getText('t').toJSON();
    expect(carol.doc(h.docId).getText('t').toJSON()).toBe(text);
    expect(bob.doc(h.docId).getText('t').toJSON()).toBe(text);
    expect(text.length).toBe(18);
    expect(bob.status().generation).toBe(alice.status().generation);
    expect(bob.diagnostics.snapshotsWaiting).toBe(0);
    expect(bob.diagnostics.pending).toBe(0);
    await Promise.all([alice.close(), carol.close(), bob.close()]);
  });
});
