import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commentsDocId } from '../../../shared/cell/commentsDocId.ts';
import { readerRootName } from '../../../shared/cell/readerRoot.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { readerComments } from '../../../shared/runtime/readerComments.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
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
  // Before the fix (commit "sibling hole", it.fails) the heal wrote 'Meet at nine. ЛОЖЬ' (the
  // reader's canonical version) into the body on every peer holding the proof.
  it('a reader’s self-made fork proof never writes into a draft body', async () => {
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

describe('a fork proof cannot carry a reader’s comment update past the content rule', () => {
  it('a granted reader’s fork whose versions delete a member’s thread heals nothing of it', async () => {
    let rita = '';
    const h = await engineHarness({}, (inner) =>
      readerComments(inner, {
        isReaderAt: (hex) => hex === rita,
        granted: () => true,
        onGrant: () => () => undefined,
      }),
    );
    rita = toHex(h.rita.signPk);
    const commentsId = commentsDocId(toHex(h.docId))!;
    const alice = new Y.Doc();
    alice.clientID = clientIdFor(h.alice.signPk, commentsId, 1);
    const thread = new Y.Map<unknown>();
    alice.getMap('comments').set('a'.repeat(32), thread);
    thread.set('text', 'meet at nine');
    const mine = h.seal(
      h.alice,
      ENVELOPE_KIND.update,
      1,
      h.updateBody(Y.encodeStateAsUpdate(alice)),
      {
        docId: commentsId,
      },
    );
    await h.put(mine.envId, mine.bytes);
    // Two versions of the reader's update 1, each deleting the thread (and each its own text).
    const version = (session: number, text: string): Uint8Array => {
      const d = new Y.Doc();
      d.clientID = clientIdFor(h.rita.signPk, commentsId, session);
      Y.applyUpdate(d, Y.encodeStateAsUpdate(alice));
      const before = Y.encodeStateVector(d);
      d.transact(() => {
        d.getMap('comments').delete('a'.repeat(32));
        d.getMap(readerRootName(rita)).set('b'.repeat(32), text);
      });
      return Y.encodeStateAsUpdate(d, before);
    };
    const seal = (session: number, text: string) =>
      h.seal(h.rita, ENVELOPE_KIND.update, 1, h.updateBody(version(session, text), session), {
        docId: commentsId,
      });
    const one = seal(1, 'x');
    const two = seal(2, 'y');
    const sides = [one, two].map((e) => {
      const plain = decryptEnvelope(e.bytes, h.secrets.contentKey, h.cellId, 0);
      if (!plain.ok) throw new Error(plain.error);
      return { epoch: 0, plaintext: plain.value };
    });
    const sealed = sealForkProof(sides[0]!, sides[1]!, h.secrets.contentKey, h.cellId, 0);
    await h.put(forkProofKey(sealed), sealed);
    await h.advance(100);
    const held = h.victim.doc(commentsId).getMap('comments').get('a'.repeat(32));
    expect(held instanceof Y.Map && held.get('text')).toBe('meet at nine');
    await h.close();
  });
});
