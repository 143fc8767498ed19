import { describe, expect, it } from 'vitest';
import { diffText, type TextChange } from '../../../renderer/editor/diffText.ts';

const apply = (text: string, change: TextChange | null): string =>
  change === null
    ? text
    : text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove);

/** Small deterministic PRNG so failures reproduce. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('diffText', () => {
  it('returns null for equal texts', () => {
    expect(diffText('abc', 'abc')).toBeNull();
  });

  it('finds the minimal replacement', () => {
    expect(diffText('hello world', 'hello brave world')).toEqual({
      index: 6,
      remove: 0,
      insert: 'brave ',
    });
    expect(diffText('hello world', 'hello')).toEqual({ index: 5, remove: 6, insert: '' });
    expect(diffText('abcdef', 'abXYef')).toEqual({ index: 2, remove: 2, insert: 'XY' });
  });

  it('puts an insertion in a run of equal characters where the caret is', () => {
    // Typed "a" at the very start of "aa": the caret is after the new character.
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' });
    // Backspace of the first of three equal characters.
    expect(diffText('aaa', 'aa', 0)).toEqual({ index: 0, remove: 1, insert: '' });
  });

  it('never splits a surrogate pair', () => {
    // U+1F600 and U+1F601 share their high surrogate.
    const change = diffText('x\u{1F600}y', 'x\u{1F601}y');
    expect(change).toEqual({ index: 1, remove: 2, insert: '\u{1F601}' });
    // Two pairs that share only their low surrogate.
    const a = '\uD83D\uDE00';
    const b = '\uD83C\uDE00';
    expect(diffText(`x${a}`, `x${b}`)).toEqual({ index: 1, remove: 2, insert: b });
  });

  it('always reproduces the new text (seeded random edits)', () => {
    const random = prng(42);
    const alphabet = ['a', 'b', ' ', '\u{1F600}', 'я'];
    const pick = (): string => alphabet[Math.floor(random() * alphabet.length)] ?? 'a';
    for (let round = 0; round < 2000; round++) {
      let before = '';
      for (let i = Math.floor(random() * 12); i > 0; i--) before += pick();
      const at = Math.floor(random() * (before.length + 1));
      const removed = Math.floor(random() * (before.length - at + 1));
      let inserted = '';
      for (let i = Math.floor(random() * 4); i > 0; i--) inserted += pick();
      const after = before.slice(0, at) + inserted + before.slice(at + removed);
      const caret = at + inserted.length;
      const change = diffText(before, after, caret);
      expect(apply(before, change)).toBe(after);
      if (change) {
        expect(change.index).toBeLessThanOrEqual(caret);
        const high = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
        if (change.index > 0) expect(high(after.charCodeAt(change.index - 1))).toBe(false);
      }
    }
  });
});
