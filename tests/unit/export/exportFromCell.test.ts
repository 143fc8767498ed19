import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { createIssue } from '../../../shared/export/createIssue.ts';
import { draftBlocks } from '../../../shared/export/draftBlocks.ts';
import type { ExportDraft } from '../../../shared/export/ExportDraft.ts';
import { issueMarkdown } from '../../../shared/export/issueMarkdown.ts';
import { markdownToBlocks } from '../../../shared/export/markdownToBlocks.ts';
import { readIssue } from '../../../shared/export/readIssue.ts';
import { renderIssueHtml } from '../../../shared/export/renderIssueHtml.ts';
import { updateIssue } from '../../../shared/export/updateIssue.ts';
import { writeBlocks } from '../../../shared/export/writeBlocks.ts';
import { ALICE, BOB } from '../cell/cellFixture.ts';

const CREATED_AT = 1_764_000_123_456;

describe('exports of an issue composed in a cell', () => {
  it('carry the words and nothing about the cell, its members or the time of work', () => {
    const index = new Y.Doc();
    // Members and their state live next to the drafts in the same doc.
    cellIndexMaps(index).people.set(ALICE, new Y.Map([['insideCountry', true]]));
    const bodies = new Map<string, Y.Doc>();
    const ids = [
      ['Первая', '# Заголовок\n\nТекст **Анны**, *курсив* и [ссылка](https://example.org).'],
      ['Вторая', '- пункт один\n- пункт два\n\n1. раз\n2. два'],
    ].map(([title, md], i) => {
      const created = createDraft(index, title ?? '', i === 0 ? ALICE : BOB, CREATED_AT);
      if (!created.ok) throw new Error(created.error);
      const doc = new Y.Doc();
      const blocks = markdownToBlocks(md ?? '');
      if (!blocks.ok) throw new Error(blocks.error);
      writeBlocks(draftBody(doc), blocks.value);
      bodies.set(created.value, doc);
      return created.value;
    });
    const created = createIssue(
      index,
      { title: 'Двор', issueNumber: '1', date: '2026-11-07', tagline: '' },
      'single-column',
      CREATED_AT,
    );
    if (!created.ok) throw new Error(created.error);
    expect(updateIssue(index, created.value, { draftIds: ids }, CREATED_AT + 1).ok).toBe(true);

    const issue = readIssue(index, created.value);
    if (!issue) throw new Error('issue unreadable');
    const drafts: ExportDraft[] = issue.draftIds.map((id, i) => ({
      title: i === 0 ? 'Первая' : 'Вторая',
      blocks: draftBlocks(draftBody(bodies.get(id) ?? new Y.Doc())),
    }));
    const outputs = [
      issueMarkdown(issue, drafts),
      ...(['en', 'ru', 'uk'] as const).map((lang) =>
        // Without the soft hyphens that print inserts in body text.
        renderIssueHtml({ issue, drafts, lang, fontCss: '' }).replaceAll('\u00ad', ''),
      ),
    ];
    for (const output of outputs) {
      expect(output).toContain('Анны');
      expect(output).toContain('пункт два');
      for (const trace of [ALICE, BOB, ALICE.slice(0, 16), issue.id, ...ids, String(CREATED_AT)]) {
        expect(output).not.toContain(trace);
      }
      expect(output).not.toMatch(/quire|insideCountry|2025-|T\d\d:\d\d/i);
    }
  });
});
