import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapCaret, type TextDeltaOp } from '../../../renderer/editor/mapCaret.ts';

describe('mapCaret', () => {
  it('moves the caret past text inserted before it', () => {
    expect(mapCaret([{ insert: 'abc' }], 5)).toBe(8);
    expect(mapCaret([{ retain: 2 }, { insert: 'xy' }], 5)).toBe(7);
  });

  it('keeps the caret before text inserted exactly at it or after it', () => {
    expect(mapCaret([{ retain: 5 }, { insert: 'xy' }], 5)).toBe(5);
    expect(mapCaret([{ retain: 7 }, { insert: 'xy' }], 5)).toBe(5);
  });

  it('pulls the caret back over deleted text and collapses it into a deleted range', () => {
    expect(mapCaret([{ delete: 2 }], 5)).toBe(3);
    expect(mapCaret([{ retain: 3 }, { delete: 4 }], 5)).toBe(3);
    expect(mapCaret([{ retain: 6 }, { delete: 4 }], 5)).toBe(5);
  });

  it('counts an embed as one position', () => {
    expect(mapCaret([{ insert: { image: 'x' } }], 1)).toBe(2);
  });

  it('tracks the same character as a Y.RelativePosition would, for real Yjs deltas', () => {
    const local = new Y.Doc();
    const remote = new Y.Doc();
    const text = local.getText('t');
    text.insert(0, 'Hello from Alice.');
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local));
    const caret = 11; // before "Alice"
    const anchor = Y.createRelativePositionFromTypeIndex(text, caret);
    let delta: TextDeltaOp[] = [];
    text.observe((event) => {
      delta = event.delta;
    });
    remote.transact(() => {
      remote.getText('t').insert(0, 'Dear all. ');
      remote.getText('t').delete(10 + 6, 5); // "from " removed
      remote.getText('t').insert(remote.getText('t').length, ' Bye.');
    });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    const expected = Y.createAbsolutePositionFromRelativePosition(anchor, local)?.index;
    expect(mapCaret(delta, caret)).toBe(expected);
    expect(text.toJSON().slice(mapCaret(delta, caret))).toBe('Alice. Bye.');
  });
});
