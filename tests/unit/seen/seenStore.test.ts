import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { changesSince } from '../../../shared/seen/changesSince.ts';
import { encodeSeenState, seenNow } from '../../../shared/seen/SeenState.ts';
import { SeenStore } from '../../../shared/seen/SeenStore.ts';
import type { Table } from '../../../shared/storage/Storage.ts';
import { removeCellRows } from '../../../renderer/session/removeCellRows.ts';
import { containsBytes } from '../../support/imageCorpus.ts';
import { fastVault } from '../vault/vaultFixture.ts';
import { A, addParagraph, B, paragraphText, twoReplicas } from './seenFixture.ts';

const CELL = 'c0ffee'.repeat(5) + 'ab';
const DRAFT = '0123456789abcdef0123456789abcdef';
const TABLES: Table[] = ['vault', 'secrets', 'cells', 'envelopes', 'snapshots', 'settings'];

describe('SeenStore', () => {
  it('keeps the last-seen state sealed at rest: no state bytes, key, cell or draft id in any row', async () => {
    const { storage, vault } = await fastVault();
    const r = twoReplicas();
    addParagraph(r.b, 'Where we meet on Friday.');
    r.sync();
    const state = seenNow(r.a, draftBody(r.a));
    await new SeenStore(vault.store, CELL).save(DRAFT, state);
    const needles = [
      encodeSeenState(state),
      Y.encodeSnapshot(Y.createSnapshot(state.ds, new Map(state.sv))),
      new TextEncoder().encode(DRAFT),
      new TextEncoder().encode(CELL),
      new TextEncoder().encode('/seen/'),
    ];
    let rows = 0;
    for (const table of TABLES)
      for (const [id, bytes] of storage.raw(table)) {
        rows++;
        for (const needle of needles) {
          expect(containsBytes(bytes, needle)).toBe(false);
          expect(id.includes(DRAFT) || id.includes(CELL)).toBe(false);
        }
      }
    expect(rows).toBeGreaterThan(0);
  });

  it('reads back (a restart) to the same answer, and is removed with the cell', async () => {
    const { vault } = await fastVault();
    const r = twoReplicas();
    addParagraph(r.b, 'Text.');
    r.sync();
    const store = new SeenStore(vault.store, CELL);
    await store.save(DRAFT, seenNow(r.a, draftBody(r.a)));
    paragraphText(r.b, 0).insert(0, 'New ');
    r.sync();
    const loaded = await new SeenStore(vault.store, CELL).load(DRAFT);
    expect(loaded).toBeDefined();
    const c = changesSince(draftBody(r.a), loaded!, r.authors, (who) => who === A);
    expect(c.texts[0]?.runs[0]).toEqual({ kind: 'inserted', length: 4, author: B });
    expect(await new SeenStore(vault.store, 'ab'.repeat(16)).load(DRAFT)).toBeUndefined();
    await removeCellRows(vault.store, CELL);
    expect(await store.load(DRAFT)).toBeUndefined();
  });
});
