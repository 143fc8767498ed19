import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocId } from '../../../shared/cell/commentsDocId.ts';
import { readerRootName } from '../../../shared/cell/readerRoot.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { readerComments } from '../../../shared/runtime/readerComments.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { engineHarness, type Keys } from './engineHarness.ts';

/**
 * Issue 17, the content of a reader's comment update: a reader the cell lets comment passes the
 * write check for a comments document, and the check never looked inside her update. Each case
 * is a reader-informer (rita) signing a crafted update into the victim's (bob's) room, against a
 * thread a member (alice) started.
 */
async function contentHarness() {
  let rita = '';
  const h = await engineHarness({}, (inner) =>
    readerComments(inner, {
      isReaderAt: (hex) => hex === rita,
      granted: () => true,
      onGrant: () => () => undefined,
    }),
  );
  rita = toHex(h.rita.signPk);
  const commentsId = commentsDocId(toHex(h.docId));
  if (!commentsId) throw new Error('no comments doc id');
  /** Each author's own replica of the comments document, as her device would hold it. */
  const docs = new Map<string, Y.Doc>();
  const docOf = (author: Keys): Y.Doc => {
    const hex = toHex(author.signPk);
    let d = docs.get(hex);
    if (!d) {
      d = new Y.Doc();
      d.clientID = clientIdFor(author.signPk, commentsId, 1);
      Y.applyUpdate(d, Y.encodeStateAsUpdate(h.victim.doc(commentsId)));
      docs.set(hex, d);
    }
    return d;
  };
  const seqs = new Map<string, number>();
  /** Runs `change` in `author`'s replica and delivers the resulting update, signed, to bob. */
  const send = async (author: Keys, change: (d: Y.Doc) => void): Promise<void> => {
    const d = docOf(author);
    const before = Y.encodeStateVector(d);
    d.transact(() => change(d));
    const update = Y.encodeStateAsUpdate(d, before);
    const hex = toHex(author.signPk);
    const seq = (seqs.get(hex) ?? 0) + 1;
    seqs.set(hex, seq);
    const env = h.seal(author, ENVELOPE_KIND.update, seq, h.updateBody(update), {
      docId: commentsId,
    });
    await h.put(env.envId, env.bytes);
    // Everyone's replica hears every accepted write (here: what bob holds now).
    for (const other of docs.values())
      Y.applyUpdate(other, Y.encodeStateAsUpdate(h.victim.doc(commentsId)));
  };
  const THREAD = 'a'.repeat(32);
  const aliceThread = async () =>
    send(h.alice, (d) => {
      const entry = new Y.Map<unknown>();
      d.getMap('comments').set(THREAD, entry);
      entry.set('text', 'meet at nine');
      entry.set('at', 1);
    });
  const victimThread = (): Y.Map<unknown> | undefined => {
    const v = h.victim.doc(commentsId).getMap('comments').get(THREAD);
    return v instanceof Y.Map ? v : undefined;
  };
  const comments = (): Y.Doc => h.victim.doc(commentsId);
  return { h, send, docOf, THREAD, aliceThread, victimThread, comments };
}

/** What bob holds of the comments document, to show a refused update changed nothing. */
const stateOf = (d: Y.Doc): string => toHex(Y.encodeStateAsUpdate(d));

describe('issue 17: a reader who may comment cannot delete or alter others’ comments', () => {
  // Each attack below was applied before the content rule (commit 2822020: all five passed
  // asserting the bad outcome); now each is refused, counted, and bob's document is unchanged.
  it('refuses a reader’s update whose delete set targets a member’s thread', async () => {
    const { h, send, aliceThread, victimThread, THREAD, comments } = await contentHarness();
    await aliceThread();
    const before = stateOf(comments());
    await send(h.rita, (d) => d.getMap('comments').delete(THREAD));
    expect(victimThread()?.get('text')).toBe('meet at nine');
    expect(stateOf(comments())).toBe(before);
    expect(h.rejected('reader_overreach')).toBe(1);
    await h.close();
  });

  it('refuses a reader’s overwrite of a member’s thread text (a map item on an existing key)', async () => {
    const { h, send, aliceThread, victimThread, THREAD } = await contentHarness();
    await aliceThread();
    await send(h.rita, (d) => {
      const entry = d.getMap('comments').get(THREAD);
      if (entry instanceof Y.Map) entry.set('text', 'meeting cancelled');
    });
    expect(victimThread()?.get('text')).toBe('meet at nine');
    expect(h.rejected('reader_overreach')).toBe(1);
    await h.close();
  });

  it('refuses a reader resolving a member’s thread, and reopening one a member resolved', async () => {
    const { h, send, aliceThread, victimThread, THREAD } = await contentHarness();
    await aliceThread();
    await send(h.rita, (d) => {
      const entry = d.getMap('comments').get(THREAD);
      if (entry instanceof Y.Map) entry.set('resolved', true);
    });
    expect(victimThread()?.has('resolved')).toBe(false);
    await send(h.alice, (d) => {
      const entry = d.getMap('comments').get(THREAD);
      if (entry instanceof Y.Map) entry.set('resolved', true);
    });
    await send(h.rita, (d) => {
      const entry = d.getMap('comments').get(THREAD);
      if (entry instanceof Y.Map) entry.set('resolved', false);
    });
    expect(victimThread()?.get('resolved')).toBe(true);
    expect(h.rejected('reader_overreach')).toBe(2);
    await h.close();
  });

  it('refuses a reader replacing a member’s thread by setting its key anew', async () => {
    const { h, send, aliceThread, victimThread, THREAD } = await contentHarness();
    await aliceThread();
    await send(h.rita, (d) => {
      const forged = new Y.Map<unknown>();
      d.getMap('comments').set(THREAD, forged);
      forged.set('text', 'forged');
      forged.set('at', 2);
    });
    expect(victimThread()?.get('text')).toBe('meet at nine');
    expect(h.rejected('reader_overreach')).toBe(1);
    await h.close();
  });

  it('refuses a reader’s write into another root: another reader’s, the shared one, any other', async () => {
    const { h, send, comments } = await contentHarness();
    await send(h.rita, (d) => d.getText('body').insert(0, 'ЛОЖЬ'));
    await send(h.rita, (d) => d.getMap('comments').set('b'.repeat(32), new Y.Map()));
    await send(h.rita, (d) => d.getMap(readerRootName(toHex(h.alice.signPk))).set('x', 1));
    expect(comments().getText('body').toJSON()).toBe('');
    expect(comments().getMap('comments').size).toBe(0);
    expect(h.rejected('reader_overreach')).toBe(3);
    await h.close();
  });

  it('applies an honest reader’s thread in her own root, her edit of it, and her reply to a member', async () => {
    const { h, send, aliceThread, THREAD, comments } = await contentHarness();
    await aliceThread();
    const root = readerRootName(toHex(h.rita.signPk));
    const MINE = 'c'.repeat(32);
    await send(h.rita, (d) => {
      const entry = new Y.Map<unknown>();
      d.getMap(root).set(MINE, entry);
      entry.set('text', 'I saw police at the corner');
      entry.set('at', 3);
    });
    await send(h.rita, (d) => {
      const entry = d.getMap(root).get(MINE);
      if (entry instanceof Y.Map) entry.set('text', 'I saw police at the north corner');
    });
    await send(h.rita, (d) => {
      const reply = new Y.Map<unknown>();
      d.getMap(root).set('d'.repeat(32), reply);
      reply.set('text', 'I can come');
      reply.set('at', 4);
      reply.set('parent', THREAD);
    });
    // Her own deletion of her own reply is hers to make.
    await send(h.rita, (d) => d.getMap(root).delete('d'.repeat(32)));
    const mine = comments().getMap(root).get(MINE);
    expect(mine instanceof Y.Map && mine.get('text')).toBe('I saw police at the north corner');
    expect(comments().getMap(root).has('d'.repeat(32))).toBe(false);
    expect(h.rejected('reader_overreach')).toBe(0);
    await h.close();
  });

  it('lets a member resolve a reader’s thread in the reader’s root (the rule binds readers only)', async () => {
    const { h, send, comments } = await contentHarness();
    const root = readerRootName(toHex(h.rita.signPk));
    const MINE = 'c'.repeat(32);
    await send(h.rita, (d) => {
      const entry = new Y.Map<unknown>();
      d.getMap(root).set(MINE, entry);
      entry.set('text', 'question');
      entry.set('at', 3);
    });
    await send(h.alice, (d) => {
      const entry = d.getMap(root).get(MINE);
      if (entry instanceof Y.Map) entry.set('resolved', true);
    });
    const mine = comments().getMap(root).get(MINE);
    expect(mine instanceof Y.Map && mine.get('resolved')).toBe(true);
    expect(h.rejected('reader_overreach')).toBe(0);
    await h.close();
  });
});
