import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addTask } from '../../../shared/cell/addTask.ts';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { listTasks } from '../../../shared/cell/listTasks.ts';
import { readPeople } from '../../../shared/cell/readPeople.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import { harnessSessions, HARNESS_MEMBERS } from '../../../renderer/dev/harnessSessions.ts';
import { LocalCellSession } from '../../../renderer/dev/LocalCellSession.ts';

describe('LocalCellSession (dev harness)', () => {
  it('returns one doc and one awareness per id, and marks "me" among the members', () => {
    const session = new LocalCellSession('c', HARNESS_MEMBERS, HARNESS_MEMBERS[1]!.signPkHex);
    expect(session.doc(TASK_BOARD_DOC_ID)).toBe(session.doc(Uint8Array.from(TASK_BOARD_DOC_ID)));
    expect(session.doc(TASK_BOARD_DOC_ID)).not.toBe(session.doc(CELL_INDEX_DOC_ID));
    expect(session.awareness(TASK_BOARD_DOC_ID).doc).toBe(session.doc(TASK_BOARD_DOC_ID));
    expect(session.me.pseudonym).toBe('Marko');
    expect(
      session
        .members()
        .filter((m) => m.isMe)
        .map((m) => m.pseudonym),
    ).toEqual(['Marko']);
    expect(session.members()).toBe(session.members());
    expect(() => new LocalCellSession('c', HARNESS_MEMBERS, 'f'.repeat(64))).toThrow();
  });

  it('links two sessions: docs opened on either side sync both ways, and so do cursors', () => {
    const { olena, marko } = harnessSessions();
    const authors = olena.authors();
    expect(
      readPeople(olena.doc(CELL_INDEX_DOC_ID), authors).people.get(marko.me.signPkHex),
    ).toEqual({ insideCountry: true, overwritten: false });
    addTask(olena.doc(TASK_BOARD_DOC_ID), 'From Olena', olena.me.signPkHex);
    addTask(marko.doc(TASK_BOARD_DOC_ID), 'From Marko', marko.me.signPkHex);
    const titles = (doc: Y.Doc): string[] =>
      listTasks(doc)
        .entries.map((t) => t.title)
        .sort();
    expect(titles(olena.doc(TASK_BOARD_DOC_ID))).toEqual(['From Marko', 'From Olena']);
    expect(titles(marko.doc(TASK_BOARD_DOC_ID))).toEqual(['From Marko', 'From Olena']);
    // A doc opened later on one side only.
    const id = new Uint8Array(16).fill(0xab);
    olena.doc(id).getText('t').insert(0, 'late');
    expect(marko.doc(id).getText('t').toJSON()).toBe('late');

    olena.awareness(id).setLocalStateField('user', { name: 'Olena' });
    const seen = [...marko.awareness(id).getStates().values()].map(
      (s) => (s['user'] as { name?: string } | undefined)?.name,
    );
    expect(seen).toContain('Olena');
  });
});
