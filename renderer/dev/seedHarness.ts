import { addTask } from '../../shared/cell/addTask.ts';
import { assignTask } from '../../shared/cell/assignTask.ts';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../shared/cell/createDraft.ts';
import { draftDocId } from '../../shared/cell/draftDocId.ts';
import { moveTask } from '../../shared/cell/moveTask.ts';
import { replaceDraftText } from '../../shared/cell/replaceDraftText.ts';
import { saveVersion } from '../../shared/cell/saveVersion.ts';
import { TASK_BOARD_DOC_ID } from '../../shared/cell/taskBoardDocId.ts';
import { updateDraftEntry } from '../../shared/cell/updateDraftEntry.ts';
import { updateTask } from '../../shared/cell/updateTask.ts';
import type { LocalCellSession } from './LocalCellSession.ts';

const HOUR = 3600_000;

/** Sample content for screenshots and manual checks (?seed=1): a few drafts and tasks. */
export function seedHarness(
  olena: LocalCellSession,
  marko: LocalCellSession,
  now = Date.now(),
): void {
  const index = olena.doc(CELL_INDEX_DOC_ID);
  const drafts: [string, LocalCellSession, 'writing' | 'review' | 'idea', number, string][] = [
    [
      'Issue 12: editorial',
      olena,
      'writing',
      2 * HOUR,
      'The price of bread rose again this month.\nWhat the officials did not say.',
    ],
    [
      'Letters from readers',
      marko,
      'review',
      26 * HOUR,
      'Three letters arrived by hand this week.',
    ],
    ['How to stay safe at a protest', olena, 'idea', 9 * 24 * HOUR, ''],
  ];
  for (const [title, author, status, age, text] of drafts) {
    const created = createDraft(index, title, author.me.signPkHex, now - age);
    if (!created.ok) continue;
    const doc = olena.doc(draftDocId(created.value) ?? new Uint8Array(16));
    replaceDraftText(doc, text);
    if (text !== '') saveVersion(doc, 'First outline', author.me.signPkHex, now - age - HOUR);
    const words = text.split(/\s+/).filter(Boolean).length;
    updateDraftEntry(index, created.value, {
      status,
      edit: { by: author.me.signPkHex, at: now - age, words },
    });
  }
  const board = olena.doc(TASK_BOARD_DOC_ID);
  const by = olena.me.signPkHex;
  const add = (title: string): string => {
    const added = addTask(board, title, by, { now });
    return added.ok ? added.value : '';
  };
  const printer = add('Find a printer for 300 copies');
  const speak = add('Read the statement on the livestream');
  const translate = add('Translate the editorial into Ukrainian');
  const layout = add('Lay out issue 12');
  updateTask(board, printer, {
    due: '2031-03-08',
    labels: ['print'],
    notes: 'Ask at the usual place first.',
  });
  updateTask(board, speak, { exposing: true, labels: ['public'] });
  assignTask(board, speak, olena.me.signPkHex);
  assignTask(board, translate, marko.me.signPkHex);
  moveTask(board, translate, 'doing', 0);
  moveTask(board, layout, 'done', 0);
}
