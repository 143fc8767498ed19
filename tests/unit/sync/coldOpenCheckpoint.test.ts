import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deriveEpochSecrets } from '../../../shared/crypto/deriveEpochSecrets.ts';
import { randomBytes } from '../../../shared/crypto/randomBytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { CellSync } from '../../../shared/sync/CellSync.ts';
import { clientIdFor } from '../../../shared/sync/clientIdFor.ts';
import { DocReplica } from '../../../shared/sync/DocReplica.ts';
import { fixedRoster } from '../../../shared/sync/fixedRoster.ts';
import { MemorySyncStore } from '../../../shared/sync/MemorySyncStore.ts';
import type { RosterPort } from '../../../shared/sync/RosterPort.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { ok } from '../../../shared/util/result.ts';
import { VirtualScheduler } from '../../support/VirtualScheduler.ts';

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('cold open from a checkpoint', () => {
  it('does not merge a snapshot the checkpoint already holds, but checks its claims', async () => {
    await sodiumReady();
    const author = sodium().crypto_sign_keypair().publicKey;
    const docId = randomBytes(16);
    const source = new Y.Doc();
    source.clientID = clientIdFor(author, docId, 1);
    source.getText('t').insert(0, 'hello');
    const body = {
      claims: [{ author, session: 1 }],
      covered: [],
      state: Y.encodeStateAsUpdate(source),
    };
    const held = 'a'.repeat(32);
    const accept = () => ok(undefined);

    const replica = new DocReplica(docId);
    replica.restore({
      state: Y.encodeStateAsUpdate(new Y.Doc()),
      applied: {},
      sessions: {},
      snapshots: [{ envId: held, author: sodium().to_hex(author), seq: 1, covered: {} }],
    });
    // Held: trusted to be in the checkpoint's state already, so the doc is not touched.
    expect(replica.applySnapshot(body, () => true, held, accept).ok).toBe(true);
    expect(replica.doc.getText('t').toJSON()).toBe('');
    // Claims are still checked for a held snapshot.
    expect(replica.applySnapshot(body, () => false, held, accept)).toEqual({
      ok: false,
      error: 'unknown_author',
    });
    // Any other envelope id is merged.
    expect(replica.applySnapshot(body, () => true, 'b'.repeat(32), accept).ok).toBe(true);
    expect(replica.doc.getText('t').toJSON()).toBe('hello');
    expect(replica.checkpoint().snapshots?.map((h) => h.envId)).toEqual([held]);
  });

  it('reopens a rolled-over document from one store pass, with the snapshot id in the checkpoint', async () => {
    await sodiumReady();
    const scheduler = new VirtualScheduler();
    const kp = sodium().crypto_sign_keypair();
    const me = { signPk: kp.publicKey, signSk: kp.privateKey };
    const cellId = randomBytes(16);
    const secrets = deriveEpochSecrets(randomBytes(32), cellId, 0);
    const store = new MemorySyncStore();
    let loads = 0;
    const loadEnvelopes = store.loadEnvelopes.bind(store);
    store.loadEnvelopes = (scope) => {
      loads++;
      return loadEnvelopes(scope);
    };
    // Every envelope the opening pipeline opens passes the roster's write check: count snapshots.
    const roster = fixedRoster([{ signPk: me.signPk, role: 'writer' }]);
    let snapshotsOpened = 0;
    const counting: RosterPort = {
      ...roster,
      writeCheck: (author, epoch, kind, doc) => {
        if (kind === ENVELOPE_KIND.snapshot) snapshotsOpened++;
        return roster.writeCheck(author, epoch, kind, doc);
      },
    };
    const open = () =>
      CellSync.open({
        cellId,
        me,
        epoch: 0,
        secretsFor: (e) => (e === 0 ? secrets : undefined),
        roster: counting,
        store,
        signaling: [],
        scheduler,
        limits: { drainMs: 1000, republishDelayMs: 50, rolloverJitterMs: 10 },
      });
    const docId = randomBytes(16);
    const a = await open();
    a.doc(docId).getText('t').insert(0, 'before the rollover; ');
    await a.flush();
    await a.rollover();
    await scheduler.advance(5000, settle);
    a.doc(docId).getText('t').insert(0, 'after; ');
    await a.close();
    const cp = (await store.loadCheckpoints()).get(sodium().to_hex(docId));
    expect(cp?.snapshots).toHaveLength(1);
    const snapshotId = cp!.snapshots![0]!.envId;
    const stored = (await store.loadCell()).envelopes;
    expect([...stored.values()].some((list) => list.some((e) => e.envId === snapshotId))).toBe(
      true,
    );

    loads = 0;
    snapshotsOpened = 0;
    const b = await open();
    expect(b.doc(docId).getText('t').toJSON()).toBe('after; before the rollover; ');
    expect(loads).toBe(0);
    // The stored snapshot is marked applied from the checkpoint, not opened again.
    expect(snapshotsOpened).toBe(0);
    expect(b.diagnostics.rejectedTotal()).toBe(0);
    // A new edit after the reopen still goes out and reaches a fresh replica of the store.
    b.doc(docId).getText('t').insert(0, 'again; ');
    await b.close();
    const c = await open();
    expect(c.doc(docId).getText('t').toJSON()).toBe('again; after; before the rollover; ');
    await c.close();
  });
});
