import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkReaderUpdate } from '../../../shared/sync/checkReaderUpdate.ts';

const MEMBER = 11;
const READER = 22;
const ROOT = 'reader:' + 'b2'.repeat(32);

/** The member's doc with a list and a map, and the reader's replica of it. */
function docs() {
  const member = new Y.Doc();
  member.clientID = MEMBER;
  member.getArray<string>('list').insert(0, ['a', 'b']);
  member.getMap('comments').set('k', 'v');
  const reader = new Y.Doc();
  reader.clientID = READER;
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(member));
  return { reader };
}

/** What `change` adds to the reader's replica, as the update she would sign. */
const updateOf = (doc: Y.Doc, change: () => void): Uint8Array => {
  const before = Y.encodeStateVector(doc);
  doc.transact(change);
  return Y.encodeStateAsUpdate(doc, before);
};

const judge = (update: Uint8Array) => checkReaderUpdate(update, new Set([READER]), ROOT);

describe('checkReaderUpdate: a reader keeps to her own structs and root', () => {
  it('refuses an insert before a member’s item (right origin only) and one after it', () => {
    const { reader } = docs();
    const list = reader.getArray<string>('list');
    expect(judge(updateOf(reader, () => list.insert(0, ['x']))).ok).toBe(false);
    expect(judge(updateOf(reader, () => list.insert(1, ['y']))).ok).toBe(false);
  });

  it('takes nested types she made in her root, and edits inside them', () => {
    const { reader } = docs();
    const root = reader.getMap(ROOT);
    const entry = new Y.Map<unknown>();
    expect(judge(updateOf(reader, () => root.set('t', entry))).ok).toBe(true);
    const text = new Y.Text();
    expect(judge(updateOf(reader, () => entry.set('body', text))).ok).toBe(true);
    expect(judge(updateOf(reader, () => text.insert(0, 'hello'))).ok).toBe(true);
    expect(judge(updateOf(reader, () => text.insert(2, '--'))).ok).toBe(true);
    expect(judge(updateOf(reader, () => text.delete(0, 1))).ok).toBe(true);
  });

  it('refuses a new key in a member’s map, and undecodable bytes as malformed', () => {
    const { reader } = docs();
    expect(judge(updateOf(reader, () => reader.getMap('comments').set('new', 1))).ok).toBe(false);
    expect(judge(new Uint8Array([1, 2, 3]))).toMatchObject({
      ok: false,
      error: 'malformed_update',
    });
  });
});
