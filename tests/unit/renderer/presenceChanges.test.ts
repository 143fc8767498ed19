import { describe, expect, it } from 'vitest';
import {
  presenceChanges,
  presentNames,
  presentPeople,
} from '../../../renderer/drafts/presenceChanges.ts';

/** Issue #19 item 6: presence is announced apart from the (aria-hidden) caret labels. */
describe('presence announcements', () => {
  it('names the others in a draft once each, bounded, never ourselves or a nameless state', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Olena', color: '#000000' } }],
      [2, { user: { name: 'Boris' } }],
      [3, { user: { name: 'Boris' } }],
      [4, { cursor: null }],
      [5, { user: { name: 42 } }],
      [6, { user: { name: 'x'.repeat(500) } }],
    ]);
    expect([...presentNames(states, 1)]).toEqual(['Boris', 'x'.repeat(40)]);
  });

  it('says who joined and who left between two readings', () => {
    expect(presenceChanges(new Set(['Anna', 'Boris']), new Set(['Boris', 'Vera', 'Dana']))).toEqual(
      { joined: ['Dana', 'Vera'], left: ['Anna'] },
    );
    expect(presenceChanges(new Set(['Anna']), new Set(['Anna']))).toEqual({ joined: [], left: [] });
  });

  it('lists the others with their colours for the avatars, sorted, once each (issue 19 item 12)', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Me', color: '#000000' } }],
      [2, { user: { name: 'Vera', color: '#1f77b4' } }],
      [3, { user: { name: 'Boris', color: 'red; background: url(x)' } }],
      [4, { user: { name: 'Vera', color: '#1f77b4' } }],
    ]);
    const people = presentPeople(states, 1);
    expect(people.map((p) => p.name)).toEqual(['Boris', 'Vera']);
    // A colour outside the palette is never put into a style.
    expect(people[0]?.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(people[0]?.color).not.toContain('url');
  });
});
