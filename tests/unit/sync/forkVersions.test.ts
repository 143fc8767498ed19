import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import type { DecodedEnvelope } from '../../../shared/envelope/DecodedEnvelope.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { ForkVersions } from '../../../shared/sync/ForkVersions.ts';
import { signedDigest } from '../../../shared/sync/signedDigest.ts';
import { encodeUpdateBody, NO_PREV } from '../../../shared/sync/updateBody.ts';

const author = new Uint8Array(32).fill(7);
const docId = new Uint8Array(16).fill(3);

/** X's update at `seq` writing `words` from `clock` on (in `session`), signature unchecked here. */
function version(seq: number, words: string, clock = 0, session = 1): DecodedEnvelope {
  const d = new Y.Doc();
  d.clientID = clientIdFor(author, docId, session);
  d.getText('t').insert(0, 'x'.repeat(clock));
  const before = Y.encodeStateVector(d);
  d.getText('t').insert(clock, words);
  const update = Y.encodeStateAsUpdate(d, clock > 0 ? before : undefined);
  const body = encodeUpdateBody({ session, prev: NO_PREV, update });
  const fields = { kind: ENVELOPE_KIND.update, docId, author, seq, time: 0, body };
  return { ...fields, signature: new Uint8Array(64) };
}

describe('ForkVersions: every member computes the same canonical version', () => {
  beforeAll(sodiumReady);

  it('does not depend on the order proofs arrive in, and a lower forked seq wins', () => {
    const [a, b, c] = [version(3, 'library'), version(3, 'bus'), version(3, 'park')];
    const [d, e] = [version(2, 'noon'), version(2, 'dusk')];
    const one = new ForkVersions();
    const two = new ForkVersions();
    expect(one.add([a, b])).toBe(true);
    one.add([b, c]);
    two.add([c, a]);
    two.add([a, b]);
    const hex = Buffer.from(docId).toString('hex');
    expect(one.rules(hex)[0]?.key).toBe(two.rules(hex)[0]?.key);
    const smallest = [a, b, c].map((v) => signedDigest(v)).sort()[0];
    expect(one.rules(hex)[0]?.canonical.digest).toBe(smallest);
    // A proof already known changes nothing; a lower forked seq does.
    expect(one.add([a, b])).toBe(false);
    expect(one.add([d, e])).toBe(true);
    expect(one.rules(hex)[0]?.seq).toBe(2);
  });

  it('prefers the version that starts earliest: one that starts later builds on clocks it lacks', () => {
    const early = version(4, 'library');
    const late = version(4, 'bus', 5);
    const f = new ForkVersions();
    f.add([late, early]);
    const rule = f.rules(Buffer.from(docId).toString('hex'))[0];
    expect(rule?.canonical.digest).toBe(signedDigest(early));
    expect([...(rule?.cut.values() ?? [])]).toEqual([{ from: 0, to: Infinity }]);
  });

  it('link-only proofs (seq n against n + 1) heal nothing', () => {
    const f = new ForkVersions();
    f.add([version(2, 'a'), version(3, 'b')]);
    expect(f.rules(Buffer.from(docId).toString('hex'))).toEqual([]);
  });

  it('cuts every version of a later forked seq too, on every member alike', () => {
    // Seq 3 forked again, each version in a session of its own (after the fork at seq 2): some
    // members got one of them inside a snapshot, where nothing dates it; all of them go.
    const f = new ForkVersions();
    f.add([version(2, 'noon'), version(2, 'dusk')]);
    const before = f.rules(Buffer.from(docId).toString('hex'))[0]?.key;
    expect(f.add([version(3, 'library', 0, 7), version(3, 'bus', 0, 8)])).toBe(true);
    const rule = f.rules(Buffer.from(docId).toString('hex'))[0];
    expect(rule?.key).not.toBe(before);
    expect(rule?.seq).toBe(2);
    for (const session of [7, 8]) {
      const client = clientIdFor(author, docId, session);
      expect(rule?.cut.get(client)).toEqual({ from: 0, to: Infinity });
      expect(rule?.forked.get(client)?.from).toBe(0);
      expect(rule?.others.some((v) => v.client === client)).toBe(true);
    }
    expect(rule?.others.map((v) => v.seq)).toEqual([2, 3, 3]);
  });
});
