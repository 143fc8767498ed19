import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocId } from '../../../shared/cell/commentsDocId.ts';
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
  return { h, send, docOf, THREAD, aliceThread, victimThread };
}

describe('issue 17: a reader who may comment cannot delete or alter others’ comments', () => {
  it('ATTACK: a reader’s update whose delete set targets a member’s thread is applied', async () => {
    const { h, send, aliceThread, victimThread, THREAD } = await contentHarness();
    await aliceThread();
    expect(victimThread()?.get('text')).toBe('meet at nine');
    await send(h.rita, (d) => d.getMap('comments').delete(THREAD));
    expect(victimThread()).toBeUndefined();
    await h.close();
  });

  it('ATTACK: a reader overwrites the text of a member’s thread (a map item on an existing key)', async () => {
    const { h, send, aliceThread, victimThread, THREAD } = await contentHarness();
    await aliceThread();
    await send(h.rita, (d) => {
      const entry = d.getMap('comments').get(THREAD);
      if (entry instanceof Y.Map) entry.set('text', 'meeting cancelled');
    });
    expect(victimThread()?.get('text')).toBe('meeting cancelled');
    await h.close();
  });

  it('ATTACK: a reader marks a member’s thread resolved, and reopens one a member resolved', async () => {
    const { h, send, aliceThread, victimThread, THREAD } = await contentHarness();
    await aliceThread();
    await send(h.rita, (d) => {
      const entry = d.getMap('comments').get(THREAD);
      if (entry instanceof Y.Map) entry.set('resolved', true);
    });
    expect(victimThread()?.get('resolved')).toBe(true);
    await send(h.alice, (d) => {
      const entry = d.getMap('comments').get(THREAD);
      if (entry instanceof Y.Map) entry.set('resolved', true);
    });
    await send(h.rita, (d) => {
      const entry = d.getMap('comments').get(THREAD);
      if (entry instanceof Y.Map) entry.set('resolved', false);
    });
    expect(victimThread()?.get('resolved')).toBe(false);
    await h.close();
  });

  it('ATTACK: a reader replaces a member’s thread by setting its key anew', async () => {
    const { h, send, aliceThread, victimThread, THREAD } = await contentHarness();
    await aliceThread();
    await send(h.rita, (d) => {
      const forged = new Y.Map<unknown>();
      d.getMap('comments').set(THREAD, forged);
      forged.set('text', 'forged');
      forged.set('at', 2);
    });
    expect(victimThread()?.get('text')).toBe('forged');
    await h.close();
  });

  it('ATTACK: a reader writes into another root type of the comments document', async () => {
    const { h, send } = await contentHarness();
    await send(h.rita, (d) => d.getText('body').insert(0, 'ЛОЖЬ'));
    expect(
      h.victim
        .doc(commentsDocId(toHex(h.docId))!)
        .getText('body')
        .toJSON(),
    ).toBe('ЛОЖЬ');
    await h.close();
  });
});
