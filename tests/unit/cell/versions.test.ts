import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CELL_LIMITS } from '../../../shared/cell/cellLimits.ts';
import { draftPlainText } from '../../../shared/cell/draftPlainText.ts';
import { draftVersions } from '../../../shared/cell/draftVersions.ts';
import { listVersions } from '../../../shared/cell/listVersions.ts';
import { openVersion } from '../../../shared/cell/openVersion.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { restoreVersion } from '../../../shared/cell/restoreVersion.ts';
import { saveVersion } from '../../../shared/cell/saveVersion.ts';
import { ALICE, BOB, docWithClient, hostileValues, rawEntry, sync } from './cellFixture.ts';

const saved = (doc: Y.Doc, name: string, at: number, by = ALICE): string => {
  const result = saveVersion(doc, name, by, at);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

const textOfVersion = (doc: Y.Doc, id: string): string => {
  const opened = openVersion(doc, id);
  if (!opened.ok) throw new Error(opened.error);
  return draftPlainText(opened.value);
};

describe('named versions of a draft', () => {
  it('saves, lists newest first, and opens a copy of the body as it was', () => {
    const doc = new Y.Doc();
    replaceDraftText(doc, 'first text');
    const v1 = saved(doc, ' First  draft ', 100);
    replaceDraftText(doc, 'second text');
    const v2 = saved(doc, 'Second', 200, BOB);
    expect(listVersions(doc)).toEqual({
      entries: [
        { id: v2, name: 'Second', at: 200, by: BOB, bytes: expect.any(Number) as number },
        { id: v1, name: 'First draft', at: 100, by: ALICE, bytes: expect.any(Number) as number },
      ],
      dropped: 0,
    });
    expect(textOfVersion(doc, v1)).toBe('first text');
    expect(textOfVersion(doc, v2)).toBe('second text');
    expect(saveVersion(doc, '  ', ALICE)).toEqual({ ok: false, error: 'empty_name' });
    expect(saveVersion(doc, 'x', 'nobody')).toEqual({ ok: false, error: 'bad_author' });
  });

  it('still opens after the live text was deleted and garbage-collected (no gc:false needed)', () => {
    const doc = new Y.Doc({ gc: true });
    replaceDraftText(doc, 'words that will be deleted');
    const id = saved(doc, 'before', 1);
    replaceDraftText(doc, '');
    const peer = new Y.Doc({ gc: true });
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(draftPlainText(peer)).toBe('');
    expect(textOfVersion(peer, id)).toBe('words that will be deleted');
  });

  it('restores as a new edit by this client only, after saving the current body as a backup', () => {
    const doc = docWithClient(1111);
    replaceDraftText(doc, 'old');
    const old = saved(doc, 'old', 1);
    replaceDraftText(doc, 'current work');
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const backup = restoreVersion(doc, old, ALICE, 'Before restoring', 5);
    expect(backup.ok).toBe(true);
    expect(draftPlainText(doc)).toBe('old');
    expect(textOfVersion(doc, backup.ok ? backup.value : '')).toBe('current work');
    // Every struct of the restore is authored by this doc's clientID: the sync engine's
    // clientID binding accepts it, where applying the version's own update would be rejected.
    for (const update of updates) {
      const meta = Y.parseUpdateMeta(update);
      expect([...meta.from.keys()]).toEqual([1111]);
    }
    expect(restoreVersion(doc, 'f'.repeat(32), ALICE, 'x')).toEqual({
      ok: false,
      error: 'not_found',
    });
  });

  it('merges a restore with a concurrent edit, converging on both peers', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    replaceDraftText(alice, 'v1');
    const id = saved(alice, 'v1', 1);
    replaceDraftText(alice, 'v2');
    sync(alice, bob);
    restoreVersion(alice, id, ALICE, 'backup', 2);
    saved(bob, 'bob saves too', 3, BOB);
    sync(alice, bob);
    expect(draftPlainText(alice)).toBe('v1');
    expect(draftPlainText(bob)).toBe('v1');
    expect(
      listVersions(bob)
        .entries.map((v) => v.name)
        .sort(),
    ).toEqual(['backup', 'bob saves too', 'v1']);
  });

  it('drops and counts malformed versions; opening garbage is an error, not a throw', () => {
    const doc = new Y.Doc();
    const good = saved(doc, 'good', 1);
    const versions = draftVersions(doc);
    const state = new Y.Doc();
    const valid = { name: 'n', at: 1, by: ALICE, state: Y.encodeStateAsUpdate(state) };
    rawEntry(versions, 'not-an-id', valid);
    rawEntry(versions, '1'.repeat(32), { ...valid, name: '' });
    rawEntry(versions, '2'.repeat(32), { ...valid, by: 'x' });
    rawEntry(versions, '3'.repeat(32), { ...valid, state: 'bytes' });
    rawEntry(versions, '4'.repeat(32), {
      ...valid,
      state: new Uint8Array(CELL_LIMITS.versionStateMaxBytes + 1),
    });
    rawEntry(versions, '5'.repeat(32), { ...valid, at: Number.NaN });
    let hostile = 0;
    for (const value of hostileValues()) {
      rawEntry(versions, (0x9000 + hostile).toString(16).padStart(32, '9'), {
        ...valid,
        name: value,
      });
      hostile++;
    }
    rawEntry(versions, 'a'.repeat(32), {
      ...valid,
      state: new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]),
    });
    // A well-formed update whose structs depend on content the version never had.
    const base = new Y.Doc();
    base.getText('body').insert(0, 'base');
    const after = Y.encodeStateVector(base);
    base.getText('body').insert(4, ' more');
    rawEntry(versions, 'b'.repeat(32), { ...valid, state: Y.encodeStateAsUpdate(base, after) });

    const listing = listVersions(doc);
    expect(listing.dropped).toBe(6 + hostile);
    expect(listing.entries.map((v) => v.id).sort()).toEqual(
      [good, 'a'.repeat(32), 'b'.repeat(32)].sort(),
    );
    expect(openVersion(doc, 'a'.repeat(32))).toEqual({ ok: false, error: 'malformed' });
    expect(openVersion(doc, 'b'.repeat(32))).toEqual({ ok: false, error: 'malformed' });
    expect(openVersion(doc, '3'.repeat(32))).toEqual({ ok: false, error: 'not_found' });
    const before = draftPlainText(doc);
    expect(restoreVersion(doc, 'a'.repeat(32), ALICE, 'backup')).toEqual({
      ok: false,
      error: 'malformed',
    });
    expect(draftPlainText(doc)).toBe(before);
    expect(listVersions(doc).entries).toHaveLength(3);
  });
});
