import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { createIssue } from '../../../shared/export/createIssue.ts';
import { deleteIssue } from '../../../shared/export/deleteIssue.ts';
import { ISSUE_LIMITS } from '../../../shared/export/issueLimits.ts';
import { listIssues } from '../../../shared/export/listIssues.ts';
import type { Masthead } from '../../../shared/export/NewsletterIssue.ts';
import { readIssue } from '../../../shared/export/readIssue.ts';
import { updateIssue } from '../../../shared/export/updateIssue.ts';
import { ALICE, hostileValues, rawEntry, sync } from '../cell/cellFixture.ts';

const MASTHEAD: Masthead = {
  title: 'Вестник района',
  issueNumber: '12',
  date: '2026-11-07',
  tagline: 'Независимая газета',
};

function draft(doc: Y.Doc, title: string): string {
  const created = createDraft(doc, title, ALICE, 1);
  if (!created.ok) throw new Error(created.error);
  return created.value;
}

function issue(doc: Y.Doc, masthead: Masthead = MASTHEAD, now = 1000): string {
  const created = createIssue(doc, masthead, 'a5-booklet', now);
  if (!created.ok) throw new Error(created.error);
  return created.value;
}

describe('newsletter issues in the cell index', () => {
  it('creates, reads, orders drafts, lists newest first, deletes', () => {
    const doc = new Y.Doc();
    const [a, b] = [draft(doc, 'First'), draft(doc, 'Second')];
    const older = issue(doc, { ...MASTHEAD, title: '  Old\n  paper ' }, 1000);
    const newer = issue(doc, MASTHEAD, 2000);
    expect(readIssue(doc, older)?.masthead.title).toBe('Old paper');
    expect(listIssues(doc).map((entry) => entry.id)).toEqual([newer, older]);

    expect(updateIssue(doc, newer, { draftIds: [b, a] }, 3000)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(readIssue(doc, newer)).toEqual({
      id: newer,
      masthead: MASTHEAD,
      draftIds: [b, a],
      layout: 'a5-booklet',
      createdAt: 2000,
      updatedAt: 3000,
    });
    expect(updateIssue(doc, newer, { layout: 'a4-two-column' }, 4000).ok).toBe(true);
    expect(readIssue(doc, newer)?.layout).toBe('a4-two-column');

    expect(deleteIssue(doc, newer)).toBe(true);
    expect(deleteIssue(doc, newer)).toBe(false);
    expect(listIssues(doc).map((entry) => entry.id)).toEqual([older]);
  });

  it('refuses bad input with a typed error and writes nothing', () => {
    const doc = new Y.Doc();
    const a = draft(doc, 'First');
    const id = issue(doc);
    const before = Y.encodeStateAsUpdate(doc);
    const refusals: [Partial<Masthead>, string, string?][] = [
      [{ title: ' \n ' }, 'empty-title'],
      [{ title: 'x'.repeat(ISSUE_LIMITS.titleMaxChars + 1) }, 'too-long', 'title'],
      [
        { issueNumber: '9'.repeat(ISSUE_LIMITS.issueNumberMaxChars + 1) },
        'too-long',
        'issueNumber',
      ],
      [{ tagline: 'y'.repeat(ISSUE_LIMITS.taglineMaxChars + 1) }, 'too-long', 'tagline'],
      [{ date: '2026-02-30' }, 'invalid-date'],
      [{ date: '7.11.2026' }, 'invalid-date'],
      [{ date: '' }, 'invalid-date'],
    ];
    for (const [change, error, detail] of refusals) {
      const masthead = { ...MASTHEAD, ...change };
      const created = createIssue(doc, masthead, 'single-column', 5);
      expect(created).toEqual(detail ? { ok: false, error, detail } : { ok: false, error });
      expect(updateIssue(doc, id, { masthead }, 5)).toEqual(created);
    }
    // @ts-expect-error a layout from a stale or hostile caller
    expect(createIssue(doc, MASTHEAD, 'a3-poster', 5)).toEqual({
      ok: false,
      error: 'invalid-layout',
    });
    expect(updateIssue(doc, id, { draftIds: [a, 'f'.repeat(32)] }, 5)).toEqual({
      ok: false,
      error: 'unknown-draft',
      detail: 'f'.repeat(32),
    });
    expect(updateIssue(doc, id, { draftIds: [a, a] }, 5)).toMatchObject({
      error: 'duplicate-draft',
    });
    expect(
      updateIssue(
        doc,
        id,
        { draftIds: Array<string>(ISSUE_LIMITS.draftsPerIssueMax + 1).fill(a) },
        5,
      ),
    ).toMatchObject({ error: 'too-many-drafts' });
    // A valid part does not get written when another part of the same patch is refused.
    expect(
      updateIssue(doc, id, { layout: 'single-column', masthead: { ...MASTHEAD, date: 'x' } }, 5),
    ).toMatchObject({ error: 'invalid-date' });
    expect(updateIssue(doc, 'e'.repeat(32), { layout: 'single-column' }, 5)).toEqual({
      ok: false,
      error: 'not-found',
    });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('skips malformed entries from peers instead of throwing', () => {
    const doc = new Y.Doc();
    const good = issue(doc);
    const issues = cellIndexMaps(doc).issues;
    const valid = {
      title: 'T',
      issueNumber: '1',
      date: '2026-01-01',
      tagline: '',
      layout: 'single-column',
      createdAt: 1,
      updatedAt: 1,
    };
    let n = 0;
    const bad = (fields: Record<string, unknown>): void => {
      rawEntry(issues, (n++).toString(16).padStart(32, 'c'), fields);
    };
    for (const key of Object.keys(valid)) {
      for (const value of hostileValues()) {
        // Values that are valid for this field ('' for optional lines, 42 as a timestamp).
        if (value === '' && (key === 'tagline' || key === 'issueNumber')) continue;
        if (value === 42 && key.endsWith('At')) continue;
        bad({ ...valid, [key]: value, draftIds: new Y.Array() });
      }
    }
    bad({ ...valid }); // no draftIds array
    const badIds = new Y.Array<unknown>();
    badIds.push([42]);
    bad({ ...valid, draftIds: badIds });
    issues.set('not-an-id', new Y.Map());
    issues.set('d'.repeat(32), 'a string, not a map');
    expect(listIssues(doc).map((entry) => entry.id)).toEqual([good]);
  });

  it('drops ids of drafts not in the index and merges concurrent additions', () => {
    const alice = new Y.Doc();
    const a = draft(alice, 'A');
    const id = issue(alice);
    const bob = new Y.Doc();
    sync(alice, bob);
    const entry = cellIndexMaps(bob).issues.get(id) as Y.Map<unknown>;
    (entry.get('draftIds') as Y.Array<string>).push([a, '9'.repeat(32), a]);
    expect(readIssue(bob, id)?.draftIds).toEqual([a]);

    // Two members edit different fields of the same issue at once: both changes survive.
    const carol = new Y.Doc();
    sync(alice, carol);
    expect(updateIssue(alice, id, { layout: 'single-column' }, 10).ok).toBe(true);
    expect(updateIssue(carol, id, { masthead: { ...MASTHEAD, tagline: 'Новое' } }, 11).ok).toBe(
      true,
    );
    sync(alice, carol);
    expect(readIssue(alice, id)?.layout).toBe('single-column');
    expect(readIssue(alice, id)?.masthead.tagline).toBe('Новое');
  });
});
