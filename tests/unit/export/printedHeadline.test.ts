import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { listDrafts } from '../../../shared/cell/listDrafts.ts';
import { updateDraftEntry } from '../../../shared/cell/updateDraftEntry.ts';
import type { ExportDraft } from '../../../shared/export/ExportDraft.ts';
import { issueMarkdown } from '../../../shared/export/issueMarkdown.ts';
import type { NewsletterIssue } from '../../../shared/export/NewsletterIssue.ts';
import { printedHeadline } from '../../../shared/export/printedHeadline.ts';
import { renderIssueHtml } from '../../../shared/export/renderIssueHtml.ts';
import { ALICE, sync } from '../cell/cellFixture.ts';

const WORKING = 'Петров с Лесной 4 о заводе';
const HEADLINE = 'Что скрывают на заводе';

const issueOf = (draftIds: readonly string[]): NewsletterIssue => ({
  id: 'ab'.repeat(16),
  masthead: { title: 'Вестник', issueNumber: '', date: '2026-11-07', tagline: '' },
  draftIds,
  layout: 'a4-two-column',
  createdAt: 1,
  updatedAt: 1,
});

const exportsOf = (issue: NewsletterIssue, drafts: readonly ExportDraft[]): string[] => [
  issueMarkdown(issue, drafts),
  ...(['en', 'ru', 'uk'] as const).map((lang) =>
    renderIssueHtml({ issue, drafts, lang, fontCss: '' }),
  ),
];

describe('printed headline', () => {
  it('is chosen over the working title, which is the fallback (known answers)', () => {
    expect(printedHeadline({ title: WORKING, headline: HEADLINE }, 'Без названия')).toBe(HEADLINE);
    expect(printedHeadline({ title: WORKING, headline: '' }, 'Без названия')).toBe(WORKING);
    expect(printedHeadline({ title: '', headline: '' }, 'Untitled draft')).toBe('Untitled draft');
    expect(printedHeadline({ title: '', headline: 'Нова стаття' }, 'Без назви')).toBe(
      'Нова стаття',
    );
  });

  it('travels with the draft entry; set, the working title reaches no export', () => {
    const index = new Y.Doc();
    const created = createDraft(index, WORKING, ALICE, 1000);
    if (!created.ok) throw new Error(created.error);
    expect(updateDraftEntry(index, created.value, { headline: `  ${HEADLINE}\n` }).ok).toBe(true);
    // A co-writer's device sees the same headline after sync.
    const other = new Y.Doc();
    sync(index, other);
    const [entry] = listDrafts(other).entries;
    if (!entry) throw new Error('draft not listed');
    expect(entry).toMatchObject({ title: WORKING, headline: HEADLINE });
    const drafts = [{ title: printedHeadline(entry, 'Без названия'), blocks: [] }];
    for (const output of exportsOf(issueOf([entry.id]), drafts)) {
      expect(output).toContain(HEADLINE);
      expect(output).not.toContain('Петров');
      expect(output).not.toContain('Лесной');
    }

    // Cleared: the working title prints again.
    expect(updateDraftEntry(other, entry.id, { headline: '   ' }).ok).toBe(true);
    const [cleared] = listDrafts(other).entries;
    expect(cleared?.headline).toBe('');
    expect(cellIndexMaps(other).drafts.get(entry.id)).not.toSatisfy((map: Y.Map<unknown>) =>
      map.has('headline'),
    );
    expect(printedHeadline(cleared ?? entry, '')).toBe(WORKING);
  });

  it('a malformed headline from a peer drops the draft, never prints its working title', () => {
    const index = new Y.Doc();
    const created = createDraft(index, WORKING, ALICE, 1000);
    if (!created.ok) throw new Error(created.error);
    const entry = cellIndexMaps(index).drafts.get(created.value) as Y.Map<unknown>;
    for (const bad of [42, null, 'x'.repeat(201), { text: HEADLINE }]) {
      entry.set('headline', bad);
      expect(listDrafts(index)).toMatchObject({ entries: [], dropped: 1 });
    }
    entry.set('headline', HEADLINE);
    expect(listDrafts(index).entries.map((draft) => draft.headline)).toEqual([HEADLINE]);
  });
});
