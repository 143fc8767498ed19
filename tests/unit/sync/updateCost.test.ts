import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { encodeSnapshotBody } from '../../../shared/sync/snapshotBody.ts';
import { sameKeyBomb } from '../../support/sameKeyBomb.ts';
import { engineHarness } from './engineHarness.ts';

/**
 * Issue 14 item 8: a member's 40,000 same-key map items under their own clientID (a valid,
 * signed ~430 KB update) cost seconds to apply, superlinearly, on every member and on every later
 * open. The receiver must refuse it before it reaches the document (counted as `too_costly`)
 * while an honest paste of a long article still applies.
 */
describe('receipt budgets the cost of an update (issue 14 item 8)', () => {
  it("refuses a member's 40,000 same-key map items, counts it, and keeps the document as it was", async () => {
    const h = await engineHarness();
    const ok = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.alice, 'hello')));
    await h.put(ok.envId, ok.bytes);
    const bomb = sameKeyBomb(clientIdFor(h.alice.signPk, h.docId, 2), 40_000);
    expect(bomb.length).toBeGreaterThan(400_000);
    const before = h.stateVector();
    const env = h.seal(h.alice, ENVELOPE_KIND.update, 2, h.updateBody(bomb, 2));
    await h.put(env.envId, env.bytes);
    // Before the fix the bomb was integrated: the map held the key and the state vector moved.
    expect(h.victim.doc(h.docId).getMap('m').has('k')).toBe(false);
    expect(h.stateVector()).toEqual(before);
    expect(h.rejected('too_costly')).toBe(1);
    expect(h.victim.diagnostics.rejectedTotal()).toBe(1);
    // The author's next honest edit still applies (the refused seq is not a gap that blocks it).
    const next = h.seal(h.alice, ENVELOPE_KIND.update, 3, h.updateBody(h.edit(h.alice, ' world')));
    await h.put(next.envId, next.bytes);
    expect(h.text()).toBe('hello world');
    await h.close();
  });

  it('refuses the same bomb carried in a snapshot', async () => {
    const h = await engineHarness();
    const bomb = sameKeyBomb(clientIdFor(h.alice.signPk, h.docId, 1), 40_000);
    const snapshot = encodeSnapshotBody({
      claims: [{ author: h.alice.signPk, session: 1 }],
      covered: [{ author: h.alice.signPk, seq: 1 }],
      state: bomb,
    });
    const env = h.seal(h.alice, ENVELOPE_KIND.snapshot, 1, snapshot);
    // Snapshots count only after a rollover (PROTOCOL §8): played into generation 1.
    const gen1 = h.wireAt(1);
    await h.rollTo(h.alice, 1);
    await gen1.put(env.envId, env.bytes);
    expect(h.victim.doc(h.docId).getMap('m').has('k')).toBe(false);
    expect(h.rejected('too_costly')).toBe(1);
    await h.close();
  });

  it('applies an honest paste of a long article (2,000 formatted paragraphs, ~725 KB)', async () => {
    const h = await engineHarness();
    const author = new Y.Doc();
    author.clientID = clientIdFor(h.alice.signPk, h.docId, 1);
    const body = author.getXmlFragment('body');
    author.transact(() => {
      for (let i = 0; i < 2000; i++) {
        const p = new Y.XmlElement('paragraph');
        body.insert(body.length, [p]);
        const text = new Y.XmlText();
        p.insert(0, [text]);
        text.insert(
          0,
          `Paragraph ${i}: lorem ipsum dolor sit amet, consectetur adipiscing. `.repeat(3),
        );
        text.format(0, 9, { bold: true });
        text.format(20, 8, { italic: true });
      }
    });
    const paste = Y.encodeStateAsUpdate(author);
    expect(paste.length).toBeGreaterThan(600_000);
    const env = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(paste));
    await h.put(env.envId, env.bytes);
    expect(h.victim.diagnostics.rejectedTotal()).toBe(0);
    expect(h.victim.doc(h.docId).getXmlFragment('body').length).toBe(2000);
    await h.close();
  });

  it('applies honest overwrites of one map key (400 in one batch, the batcher maximum)', async () => {
    const h = await engineHarness();
    const author = new Y.Doc();
    author.clientID = clientIdFor(h.alice.signPk, h.docId, 1);
    const updates: Uint8Array[] = [];
    author.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 400; i++) author.getMap('m').set('k', i);
    const env = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(Y.mergeUpdates(updates)));
    await h.put(env.envId, env.bytes);
    expect(h.victim.doc(h.docId).getMap('m').get('k')).toBe(399);
    expect(h.victim.diagnostics.rejectedTotal()).toBe(0);
    await h.close();
  });
});
