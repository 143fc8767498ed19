import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { changesSince } from '../../../shared/seen/changesSince.ts';
import { ownEditsOf, type SeenState } from '../../../shared/seen/SeenState.ts';
import type { SeenStates } from '../../../shared/seen/SeenStore.ts';
import { SeenDrafts } from '../../../renderer/drafts/SeenDrafts.ts';
import { A, addParagraph, paragraphText, twoReplicas } from './seenFixture.ts';

/** A SeenStates in memory whose loads wait until released (to edit while one is under way). */
function heldStore(): SeenStates & {
  rows: Map<string, SeenState>;
  release: () => void;
} {
  const rows = new Map<string, SeenState>();
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    rows,
    release: () => release(),
    load: async (id) => {
      await gate;
      return rows.get(id);
    },
    save: (id, state) => {
      rows.set(id, state);
      return Promise.resolve();
    },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('SeenDrafts', () => {
  it('folds in her own deletion made while the stored state was still loading', async () => {
    const r = twoReplicas();
    addParagraph(r.b, 'Meet at the depot.');
    r.sync();
    const store = heldStore();
    const first = new SeenDrafts(store);
    await first.markSeen('d', r.a, draftBody(r.a));
    // A restart: a new SeenDrafts; her edit arrives before the stored state does.
    const seen = new SeenDrafts(store);
    expect(seen.get('d')).toBeUndefined();
    r.a.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local) seen.noteOwn('d', ownEditsOf(tr));
    });
    paragraphText(r.a, 0).delete(0, 5); // "Meet "
    store.release();
    await settle();
    const state = seen.peek('d');
    expect(state).toBeTruthy();
    const c = changesSince(draftBody(r.a), state!, r.authors, (who) => who === A);
    expect(c.deletedCharacters).toBe(0);
  });

  it('answers null for a draft never seen, and the stored state after marking it seen', async () => {
    const r = twoReplicas();
    addParagraph(r.b, 'Text.');
    r.sync();
    const store = heldStore();
    store.release();
    const seen = new SeenDrafts(store);
    let changes = 0;
    seen.onChange(() => changes++);
    expect(seen.get('x')).toBeUndefined();
    await settle();
    expect(seen.get('x')).toBeNull();
    await seen.markSeen('x', r.a, draftBody(r.a));
    expect(store.rows.get('x')).toBe(seen.peek('x'));
    expect(changes).toBe(2);
  });
});
