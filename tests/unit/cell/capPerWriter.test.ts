import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { capPerWriter, countWrittenBy } from '../../../shared/cell/capPerWriter.ts';

/** One author writing from two sessions (two clientIDs), as after a restart. */
function twoSessions(perSession: number): { first: Y.Doc; second: Y.Doc } {
  const first = new Y.Doc();
  const second = new Y.Doc();
  first.clientID = 11;
  second.clientID = 12;
  for (let i = 0; i < perSession; i++) {
    first.getMap('m').set(`a${String(i).padStart(3, '0')}`, i);
    second.getMap('m').set(`b${String(i).padStart(3, '0')}`, i);
  }
  return { first, second };
}

const authors = (client: number): string | undefined =>
  client === 11 || client === 12 ? 'x' : undefined;

describe('capPerWriter', () => {
  it('keeps the same entries on replicas that integrated one writer’s keys in different orders', () => {
    const { first, second } = twoSessions(6);
    const one = new Y.Doc();
    const other = new Y.Doc();
    Y.applyUpdate(one, Y.encodeStateAsUpdate(first));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(second));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(second));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(first));
    const a = capPerWriter(one.getMap('m'), 5, authors);
    const b = capPerWriter(other.getMap('m'), 5, authors);
    expect(a.keys.sort()).toEqual(b.keys.sort());
    expect(a.keys).toHaveLength(5);
    expect(a.dropped).toBe(7);
  });

  it('caps each writer apart; without a known author, each clientID apart', () => {
    const { first, second } = twoSessions(4);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(first));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(second));
    expect(capPerWriter(doc.getMap('m'), 3, authors).keys).toHaveLength(3);
    expect(capPerWriter(doc.getMap('m'), 3).keys).toHaveLength(6);
    expect(countWrittenBy(doc.getMap('m'), { authors, member: 'x' })).toBe(8);
    expect(countWrittenBy(doc.getMap('m'), { authors, member: 'y' })).toBe(0);
  });
});
