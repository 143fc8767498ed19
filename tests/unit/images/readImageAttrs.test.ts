import { describe, expect, it } from 'vitest';
import { readImageAttrs } from '../../../shared/images/readImageAttrs.ts';
import { parseSanitizeResponse } from '../../../renderer/images/sanitizeMessages.ts';

const ID = 'ab'.repeat(16);

describe('image node attributes from peers', () => {
  it('keeps valid attributes and bounds the rest', () => {
    expect(
      readImageAttrs({ id: ID, alt: 'A crowd', caption: 'Saturday', width: 800, height: 600 }),
    ).toEqual({
      id: ID,
      alt: 'A crowd',
      caption: 'Saturday',
      decorative: false,
      width: 800,
      height: 600,
    });
    const hostile = readImageAttrs({
      id: ID,
      alt: 'x'.repeat(10_000),
      caption: { toString: 'boom' },
      decorative: 'yes',
      width: 1e12,
      height: -3,
    });
    expect(hostile?.alt.length).toBe(500);
    expect(hostile).toMatchObject({ caption: '', decorative: false, width: 1600, height: 1 });
  });

  it('refuses ids that do not name an image document', () => {
    for (const id of [undefined, '', 'AB'.repeat(16), '0'.repeat(32), `${ID}0`, 42, '../x'])
      expect(readImageAttrs({ id })).toBeUndefined();
  });
});

describe('sanitising worker answers', () => {
  it('accepts only the expected shapes', () => {
    const good = {
      ok: true,
      bytes: new Uint8Array(3),
      mime: 'image/webp',
      width: 2,
      height: 1,
      removed: [],
    };
    expect(parseSanitizeResponse(good)).toEqual(good);
    expect(parseSanitizeResponse({ ok: false, error: 'too_large' })).toEqual({
      ok: false,
      error: 'too_large',
    });
    for (const bad of [
      null,
      'x',
      { ok: false, error: 'timeout' },
      { ...good, mime: 'image/svg+xml' },
      { ...good, bytes: [1, 2] },
      { ...good, removed: 'x' },
    ])
      expect(parseSanitizeResponse(bad)).toBeUndefined();
  });
});
