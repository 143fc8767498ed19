import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocId } from '../../../shared/cell/commentsDocId.ts';
import { readerRootName } from '../../../shared/cell/readerRoot.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { readerComments } from '../../../shared/runtime/readerComments.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { encodeSnapshotBody } from '../../../shared/sync/snapshotBody.ts';
import { engineHarness, type Keys } from './engineHarness.ts';

/**
 * Issue 17, "readers may comment": a reader may write a draft's comments document, and only that,
 * only at an epoch a coordinator granted. Every case plays a reader (rita) signing real envelopes
 * into the victim's room: the victim engine (bob) is the peer under attack.
 */
async function readerHarness() {
  const granted = new Set<number>();
  const listeners = new Set<() => void>();
  let rita = '';
  const h = await engineHarness({}, (inner) =>
    readerComments(inner, {
      isReaderAt: (hex) => hex === rita,
      granted: (epoch) => granted.has(epoch),
      onGrant: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    }),
  );
  rita = toHex(h.rita.signPk);
  const draftHex = toHex(h.docId);
  // The harness's random doc id stands for a draft: its comments document is derived from it.
  const commentsId = commentsDocId(draftHex === '0'.repeat(32) ? '1'.repeat(32) : draftHex);
  if (!commentsId) throw new Error('no comments doc id');
  const grant = async (epoch: number) => {
    granted.add(epoch);
    for (const l of Array.from(listeners)) l();
    await h.advance(10);
  };
  /**
   * A comment as the app writes it: a map entry in the 'comments' map of `docId`, or for the
   * reader in her own root (readerRootName: a reader may write nowhere else, checkReaderUpdate).
   */
  const rootOf = (author: Keys): string =>
    toHex(author.signPk) === rita ? readerRootName(rita) : 'comments';
  const commentDocs = new Map<string, Y.Doc>();
  const comment = (author: Keys, text: string, docId: Uint8Array): Uint8Array => {
    const key = `${toHex(author.signPk)}:${toHex(docId)}`;
    let d = commentDocs.get(key);
    if (!d) {
      d = new Y.Doc();
      d.clientID = clientIdFor(author.signPk, docId, 1);
      commentDocs.set(key, d);
    }
    const before = Y.encodeStateVector(d);
    d.transact(() => {
      const entry = new Y.Map<unknown>();
      d.getMap(rootOf(author)).set(sodium().to_hex(sodium().randombytes_buf(16)), entry);
      entry.set('text', text);
    });
    return Y.encodeStateAsUpdate(d, before);
  };
  const commentsIn = (docId: Uint8Array): number =>
    h.victim.doc(docId).getMap('comments').size +
    h.victim.doc(docId).getMap(readerRootName(rita)).size;
  return { h, grant, commentsId, comment, commentsIn };
}

describe('issue 17: the write check per document kind (readers comment)', () => {
  it('refuses a reader’s comment while the cell has not granted readers comments, and applies it once it does', async () => {
    const { h, grant, commentsId, comment, commentsIn } = await readerHarness();
    const env = h.seal(
      h.rita,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(comment(h.rita, 'c', commentsId)),
      {
        docId: commentsId,
      },
    );
    await h.put(env.envId, env.bytes);
    expect(commentsIn(commentsId)).toBe(0);
    expect(h.rejected('not_writer')).toBe(1);
    // Kept and reconsidered: a grant that arrives later (another partition) lets it in, so every
    // peer ends up judging it alike whatever order grant and comment reached it in.
    await grant(0);
    expect(commentsIn(commentsId)).toBe(1);
    await h.close();
  });

  it('refuses a reader’s write to a draft body even while readers may comment', async () => {
    const { h, grant } = await readerHarness();
    await grant(0);
    const env = h.seal(h.rita, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.rita, 'ЛОЖЬ')));
    await h.put(env.envId, env.bytes);
    expect(h.text()).toBe('');
    expect(h.rejected('not_writer')).toBe(1);
    await h.close();
  });

  it('a draft-body update smuggled under the comments document’s id never reaches the body', async () => {
    const { h, grant, commentsId, commentsIn } = await readerHarness();
    await grant(0);
    // The reader's body edit, made for the draft doc (its clientID is the draft's), sealed as an
    // update of the comments document: it can only ever be applied to the comments replica, and
    // there its clientID is not the one the reader's key derives for that document.
    const body = h.edit(h.rita, 'ЛОЖЬ');
    const env = h.seal(h.rita, ENVELOPE_KIND.update, 1, h.updateBody(body), { docId: commentsId });
    await h.put(env.envId, env.bytes);
    expect(h.text()).toBe('');
    expect(h.victim.doc(commentsId).getText('t').toJSON()).toBe('');
    expect(commentsIn(commentsId)).toBe(0);
    expect(h.victim.diagnostics.rejectedTotal()).toBeGreaterThan(0);
    await h.close();
  });

  it('refuses a reader’s snapshot of the comments document, and her writes to other documents', async () => {
    const { h, grant, commentsId } = await readerHarness();
    await grant(0);
    const snap = encodeSnapshotBody({
      claims: [],
      covered: [],
      state: Y.encodeStateAsUpdate(new Y.Doc()),
    });
    const env = h.seal(h.rita, ENVELOPE_KIND.snapshot, 1, snap, { docId: commentsId });
    await h.put(env.envId, env.bytes);
    expect(h.rejected('not_writer')).toBe(1);
    // A document id next to the comments range (prefix changed by one bit) is not a comments doc.
    const near = commentsId.slice();
    near[0] = (near[0] ?? 0) ^ 1;
    const other = h.seal(h.rita, ENVELOPE_KIND.update, 1, h.updateBody(h.edit(h.rita, 'x')), {
      docId: near,
    });
    await h.put(other.envId, other.bytes);
    expect(h.rejected('not_writer')).toBe(2);
    await h.close();
  });

  it('a grant of one epoch lets a member’s and a reader’s comments in, not a stranger’s', async () => {
    const { h, grant, commentsId, comment, commentsIn } = await readerHarness();
    await grant(0);
    const mine = h.seal(
      h.alice,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(comment(h.alice, 'a', commentsId)),
      {
        docId: commentsId,
      },
    );
    const hers = h.seal(
      h.rita,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(comment(h.rita, 'r', commentsId)),
      {
        docId: commentsId,
      },
    );
    const theirs = h.seal(
      h.stranger,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(comment(h.stranger, 's', commentsId)),
      { docId: commentsId },
    );
    await h.put(mine.envId, mine.bytes);
    await h.put(hers.envId, hers.bytes);
    await h.put(theirs.envId, theirs.bytes);
    expect(commentsIn(commentsId)).toBe(2);
    expect(h.rejected('not_member')).toBe(1);
    await h.close();
  });
});
