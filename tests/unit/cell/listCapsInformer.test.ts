import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment } from '../../../shared/cell/addComment.ts';
import { addTask } from '../../../shared/cell/addTask.ts';
import { boardTasks } from '../../../shared/cell/boardTasks.ts';
import { CELL_LIMITS } from '../../../shared/cell/cellLimits.ts';
import { commentAnchorPoint } from '../../../shared/cell/commentAnchorPoint.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { findDraftByTitle } from '../../../shared/cell/findDraftByTitle.ts';
import { newId } from '../../../shared/cell/ids.ts';
import { listComments } from '../../../shared/cell/listComments.ts';
import { listDrafts } from '../../../shared/cell/listDrafts.ts';
import { listTasks } from '../../../shared/cell/listTasks.ts';

/**
 * The lists cap how many entries they read (drafts, tasks, versions, comments). Entries are map
 * values any member can write, so a cap counted over everyone's entries lets one informer fill
 * it: honest entries past it vanish (on some replicas and not others, since a map iterates in
 * the order a replica happened to integrate its keys), and writers are refused.
 */
const INFORMER = 'aa'.repeat(32);
const OLENA = 'bb'.repeat(32);

function replicas(): {
  informer: Y.Doc;
  olena: Y.Doc;
  viewer: Y.Doc;
  authors: (c: number) => string | undefined;
} {
  const informer = new Y.Doc();
  const olena = new Y.Doc();
  const viewer = new Y.Doc();
  informer.clientID = 101;
  olena.clientID = 202;
  viewer.clientID = 303;
  const names = new Map([
    [101, INFORMER],
    [202, OLENA],
  ]);
  return { informer, olena, viewer, authors: (c) => names.get(c) };
}

const TASK_FIELDS = {
  notes: '',
  status: 'todo',
  assignee: '',
  due: '',
  labels: [],
  exposing: false,
  createdAt: 1,
};

const merge = (to: Y.Doc, ...from: Y.Doc[]): void => {
  for (const doc of from) Y.applyUpdate(to, Y.encodeStateAsUpdate(doc));
};

describe('list caps against an informer', () => {
  it("an informer's flood of drafts does not hide an honest member's draft", () => {
    const { informer, olena, viewer, authors } = replicas();
    for (let i = 0; i < CELL_LIMITS.draftsMax; i++) createDraft(informer, `junk ${i}`, INFORMER, 1);
    const mine = createDraft(olena, 'Issue 12', OLENA, 2);
    if (!mine.ok) throw new Error(mine.error);
    merge(viewer, informer, olena); // the informer's keys first, as a peer may integrate them
    const listed = listDrafts(viewer, authors).entries.map((d) => d.id);
    expect(listed).toContain(mine.value);
    // Every replica lists the same, whatever order it integrated the keys in.
    const other = new Y.Doc();
    merge(other, olena, informer);
    expect(
      listDrafts(other, authors)
        .entries.map((d) => d.id)
        .sort(),
    ).toEqual([...listed].sort());
  });

  it("an informer's flood of tasks does not hide an honest member's task", () => {
    const { informer, olena, viewer, authors } = replicas();
    // Written as addTask writes one (which reads the column each time: too slow for 5,000).
    const tasks = boardTasks(informer);
    informer.transact(() => {
      for (let i = 0; i < CELL_LIMITS.tasksMax; i++) {
        const task = new Y.Map<unknown>();
        tasks.set(newId(), task);
        for (const [key, value] of Object.entries(TASK_FIELDS)) task.set(key, value);
        task.set('title', `junk ${i}`);
        task.set('order', i);
        task.set('createdBy', INFORMER);
      }
    });
    const mine = addTask(olena, 'Find a printer', OLENA);
    if (!mine.ok) throw new Error(mine.error);
    merge(viewer, informer, olena);
    expect(listTasks(viewer, authors).entries.map((t) => t.id)).toContain(mine.value);
  });

  it("an informer's flood of comments neither hides nor refuses an honest member's comment", () => {
    const { informer, olena, viewer, authors } = replicas();
    const text = new Y.XmlText('Prices rose again.');
    draftBody(olena).insert(0, [new Y.XmlElement('paragraph')]);
    const paragraph = draftBody(olena).get(0) as Y.XmlElement;
    paragraph.insert(0, [text]);
    merge(informer, olena);
    const anchorIn = (doc: Y.Doc) => {
      const t = (draftBody(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      return {
        start: commentAnchorPoint(t, 0, 'start'),
        end: commentAnchorPoint(t, 6, 'end'),
        quote: 'Prices',
      };
    };
    for (let i = 0; i < CELL_LIMITS.commentsMax; i++)
      addComment(informer, `junk ${i}`, anchorIn(informer), 1);
    merge(olena, informer);
    const mine = addComment(olena, 'Source?', anchorIn(olena), 2, { authors, member: OLENA });
    expect(mine).toMatchObject({ ok: true });
    if (!mine.ok) return;
    merge(viewer, informer, olena);
    expect(listComments(viewer, authors).entries.map((c) => c.id)).toContain(mine.value);
  });

  it('a title lookup reads the drafts as the drafts screen lists them, not per clientID', () => {
    const { informer, olena, viewer, authors: byClient } = replicas();
    // The informer writes from a second editing session too (another clientID, the same key).
    const second = new Y.Doc();
    second.clientID = 111;
    const authors = (c: number) => (c === 111 ? INFORMER : byClient(c));
    for (let i = 0; i < CELL_LIMITS.draftsMax; i++) createDraft(informer, `junk ${i}`, INFORMER, 1);
    // Past its cap, so no screen lists it, under the highest id: a copy of Olena's title.
    second.transact(() => {
      const entry = new Y.Map<unknown>();
      cellIndexMaps(second).drafts.set('f'.repeat(32), entry);
      for (const [k, v] of Object.entries({ status: 'idea', createdAt: 1, updatedAt: 1, words: 0 }))
        entry.set(k, v);
      entry.set('title', 'Issue 12');
      entry.set('updatedBy', INFORMER);
    });
    const mine = createDraft(olena, 'Issue 12', OLENA, 2);
    if (!mine.ok) throw new Error(mine.error);
    merge(viewer, informer, second, olena);
    const listed = listDrafts(viewer, authors).entries.filter((d) => d.title === 'Issue 12');
    expect(listed.map((d) => d.id)).toEqual([mine.value]);
    // Read per clientID (as `quire draft write` and the comment commands did), the hidden copy
    // made Olena's draft "ambiguous": her writes to it were refused.
    expect(findDraftByTitle(viewer, 'Issue 12')).toMatchObject({ ok: false, error: 'ambiguous' });
    const found = findDraftByTitle(viewer, 'Issue 12', authors);
    expect(found.ok && found.value.id).toBe(mine.value);
  });
});
