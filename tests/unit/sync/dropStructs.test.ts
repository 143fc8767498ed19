import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dropStructs } from '../../../shared/sync/dropStructs.ts';

const docOf = (...updates: Uint8Array[]) => {
  const d = new Y.Doc();
  for (const u of updates) Y.applyUpdate(d, u);
  return d;
};

describe('dropStructs', () => {
  it('removes one client from a clock on, cutting the struct that straddles it', () => {
    const x = new Y.Doc();
    x.clientID = 7;
    x.getText('t').insert(0, 'Meet at the library');
    const h = docOf(Y.encodeStateAsUpdate(x));
    h.clientID = 9;
    h.getText('t').insert(0, 'Plan: ');
    h.getText('t').delete('Plan: Me'.length, 2);
    const state = Y.encodeStateAsUpdate(h);
    const out = docOf(dropStructs(state, new Map([[7, { from: 8, to: Infinity }]])));
    expect(out.getText('t').toJSON()).toBe('Plan: Me at ');
    expect(Y.decodeStateVector(Y.encodeStateVector(out)).get(7)).toBe(8);
    // The honest deletion of X's clocks 2-3 is kept.
    expect(Y.decodeUpdate(Y.encodeStateAsUpdate(out)).ds.clients.get(7)).toBeDefined();
  });

  it('keeps what lies past a bounded range, as a gap Yjs waits on', () => {
    const x = new Y.Doc();
    x.clientID = 7;
    x.getText('t').insert(0, 'abcdef');
    const state = Y.encodeStateAsUpdate(x);
    const dropped = dropStructs(state, new Map([[7, { from: 2, to: 4 }]]));
    const out = docOf(dropped);
    expect(out.getText('t').toJSON()).toBe('ab');
    expect(out.store.pendingStructs).not.toBeNull();
    // The missing clocks, once delivered, bring the rest back.
    Y.applyUpdate(out, state);
    expect(out.getText('t').toJSON()).toBe('abcdef');
  });

  it('leaves an update without those clients as it was', () => {
    const x = new Y.Doc();
    x.clientID = 3;
    x.getText('t').insert(0, 'abc');
    const state = Y.encodeStateAsUpdate(x);
    expect(dropStructs(state, new Map([[7, { from: 0, to: Infinity }]]))).toBe(state);
  });
});
