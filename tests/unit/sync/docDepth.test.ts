import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { encodeSnapshotBody } from '../../../shared/sync/snapshotBody.ts';
import { engineHarness, type Keys } from './engineHarness.ts';

/**
 * Issue 14 item 6: a member's validly signed update of 3,000 nested blockquotes (~57 KB) broke
 * the draft on every device (the editor binding recurses once per level). The receiver must refuse
 * any update or snapshot that would nest a document deeper than a newsletter ever does, count it
 * and leave the document as it was; honest structure still applies.
 */

/** How deep shared types nest under the fragment (measured here, not by the code under test). */
function depthOf(fragment: Y.XmlFragment): number {
  let max = 0;
  const stack: [Y.XmlElement | Y.XmlFragment | Y.XmlText, number][] = [[fragment, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    max = Math.max(max, depth);
    if (node instanceof Y.XmlText) continue;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText)
        stack.push([child, depth + 1]);
    }
  }
  return max;
}

type Harness = Awaited<ReturnType<typeof engineHarness>>;

/** `levels` blockquotes nested in the author's own session doc; returns the doc and the update. */
function nestQuotes(
  h: Harness,
  author: Keys,
  session: number,
  levels: number,
  base?: Y.Doc,
): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = clientIdFor(author.signPk, h.docId, session);
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    // Under the deepest element already there (or at the top).
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('body');
    for (let child = parent.get(0); child instanceof Y.XmlElement; child = parent.get(0))
      parent = child;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement('blockquote');
      parent.insert(0, [quote]);
      parent = quote;
    }
    const paragraph = new Y.XmlElement('paragraph');
    parent.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'deep');
  });
  return { doc, update: Y.encodeStateAsUpdate(doc, before) };
}

const body = (h: Harness): Y.XmlFragment => h.victim.doc(h.docId).getXmlFragment('body');

describe('receipt bounds how deep a document nests (issue 14 item 6)', () => {
  it("refuses a member's 3,000 nested blockquotes, counts it, and still applies honest edits", async () => {
    const h = await engineHarness();
    // Honest structure first: a quote holding a bullet list (8 levels with paragraph and text).
    const honest = nestQuotes(h, h.alice, 1, 6);
    const ok = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(honest.update));
    await h.put(ok.envId, ok.bytes);
    expect(depthOf(body(h))).toBe(8);

    const attack = nestQuotes(h, h.alice, 2, 3000);
    expect(attack.update.length).toBeGreaterThan(20_000);
    const before = h.stateVector();
    const env = h.seal(h.alice, ENVELOPE_KIND.update, 2, h.updateBody(attack.update, 2));
    await h.put(env.envId, env.bytes);
    // Before the fix the update was applied and the draft was 3,002 levels deep.
    expect(depthOf(body(h))).toBe(8);
    expect(h.rejected('too_deep')).toBe(1);
    expect(h.stateVector()).toEqual(before);
    expect(h.victim.diagnostics.rejectedTotal()).toBe(1);
    await h.close();
  });

  it('refuses the same nesting carried in a snapshot', async () => {
    const h = await engineHarness();
    const attack = nestQuotes(h, h.alice, 1, 3000);
    const before = h.stateVector();
    const snapshot = encodeSnapshotBody({
      claims: [{ author: h.alice.signPk, session: 1 }],
      covered: [{ author: h.alice.signPk, seq: 1 }],
      state: Y.encodeStateAsUpdate(attack.doc),
    });
    const env = h.seal(h.alice, ENVELOPE_KIND.snapshot, 1, snapshot);
    // Snapshots count only after a rollover (PROTOCOL §8): played into generation 1.
    const gen1 = h.wireAt(1);
    await h.rollTo(h.alice, 1);
    await gen1.put(env.envId, env.bytes);
    expect(depthOf(body(h))).toBeLessThanOrEqual(64);
    expect(h.rejected('too_deep')).toBe(1);
    expect(h.stateVector()).toEqual(before);
    await h.close();
  });

  it('refuses a deep chain sent in pieces, the deep part first, when the piece that joins it arrives', async () => {
    const h = await engineHarness();
    // Session 1 nests 40 levels (harmless alone); session 2 nests 2,960 more inside them. Sent as
    // seq 1, session 2's structs wait in Yjs for session 1's parents; seq 2 would release them.
    const outer = nestQuotes(h, h.alice, 1, 40);
    const inner = nestQuotes(h, h.alice, 2, 2960, outer.doc);
    const first = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(inner.update, 2));
    await h.put(first.envId, first.bytes);
    const second = h.seal(h.alice, ENVELOPE_KIND.update, 2, h.updateBody(outer.update, 1));
    await h.put(second.envId, second.bytes);
    expect(depthOf(body(h))).toBeLessThanOrEqual(64);
    expect(h.rejected('too_deep')).toBe(1);
    await h.close();
  });

  it('applies an honest document 60 levels deep (below the bound)', async () => {
    const h = await engineHarness();
    const fine = nestQuotes(h, h.alice, 1, 58);
    const env = h.seal(h.alice, ENVELOPE_KIND.update, 1, h.updateBody(fine.update));
    await h.put(env.envId, env.bytes);
    expect(depthOf(body(h))).toBe(60);
    expect(h.victim.diagnostics.rejectedTotal()).toBe(0);
    await h.close();
  });
});
