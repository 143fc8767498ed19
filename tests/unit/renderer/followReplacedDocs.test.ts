import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addTask } from '../../../shared/cell/addTask.ts';
import { listTasks } from '../../../shared/cell/listTasks.ts';
import { TASK_BOARD_DOC_ID } from '../../../shared/cell/taskBoardDocId.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { PresenceBridge } from '../../../shared/runtime/PresenceBridge.ts';
import { docRevisions } from '../../../renderer/session/docRevisions.ts';
import { unlinkedUpdateBody } from '../../support/updateChain.ts';
import { splitCell } from '../sync/splitCell.ts';

const BOARD_HEX = toHex(TASK_BOARD_DOC_ID);
const titles = (doc: Y.Doc): string[] => listTasks(doc).entries.map((t) => t.title);

/**
 * Issue 14, every screen follows a healed document: an informer tells half the cell one task
 * and the other half another under one seq of the TASK BOARD (real CellSync engines). A view that
 * holds the board the way the hooks do (renderer/session/useSessionDoc, useDocReplacements: take
 * `doc` again when docRevisions moves) shows the canonical board after the heal on every member,
 * and what it writes there reaches everyone; the board it held before shows the informer's other
 * version, which is what every screen but the draft editor went on showing before.
 */
describe('views follow a task board a fork heal replaced', () => {
  for (const seed of [1, 2]) {
    it(`re-taken on replacement: canonical on every member, writes reach everyone (seed ${seed})`, async () => {
      const cell = await splitCell(seed, 3, { docId: TASK_BOARD_DOC_ID });
      const by = cell.informerHex;
      const only = (on: readonly number[]) =>
        cell.syncs.forEach((_, i) => cell.net.setOffline(i, !on.includes(i)));
      const version = (name: string, title: string) =>
        cell.sealBy(
          ENVELOPE_KIND.update,
          1,
          unlinkedUpdateBody(cell.informerChange(name, (d) => addTask(d, title, by, { now: 1 }))),
        );
      // Mounted views: each holds the board and follows the session's replacement counts.
      const views = cell.syncs.map((sync) => {
        const revisions = docRevisions(sync);
        const view = { doc: sync.doc(TASK_BOARD_DOC_ID), revision: revisions.of(BOARD_HEX) };
        revisions.subscribe(() => {
          if (revisions.of(BOARD_HEX) === view.revision) return;
          view.revision = revisions.of(BOARD_HEX);
          view.doc = sync.doc(TASK_BOARD_DOC_ID);
        });
        return view;
      });
      const bridges = cell.syncs.map(
        (sync, i) =>
          new PresenceBridge(sync, cell.cellId, cell.keys[i]!, () => undefined, cell.scheduler),
      );
      const awarenessBefore = bridges.map((b) => b.awarenessFor(TASK_BOARD_DOC_ID));
      only([0, 1]);
      await cell.informerPosts([version('a', 'Print the flyers')]);
      only([2]);
      await cell.informerPosts([version('b', 'Buy paper')]);
      await cell.advance(300);
      expect(titles(views[0]!.doc)).toEqual(['Print the flyers']);
      expect(titles(views[2]!.doc)).toEqual(['Buy paper']);
      const held = views.map((v) => v.doc);

      cell.net.healAll();
      await cell.advance(1000);
      const replaced = [0, 1, 2].filter((i) => cell.syncs[i]!.doc(TASK_BOARD_DOC_ID) !== held[i]);
      expect(replaced.length).toBeGreaterThan(0);
      const canonical = titles(cell.syncs[0]!.doc(TASK_BOARD_DOC_ID));
      expect(canonical.length).toBe(1);
      for (let i = 0; i < 3; i++) {
        // The view re-took the doc the engine syncs, and shows the canonical board.
        expect(views[i]!.doc, `peer ${i}`).toBe(cell.syncs[i]!.doc(TASK_BOARD_DOC_ID));
        expect(titles(views[i]!.doc), `peer ${i}`).toEqual(canonical);
        expect(views[i]!.revision > 0, `peer ${i}`).toBe(replaced.includes(i));
        expect(docRevisions(cell.syncs[i]!).total() > 0).toBe(replaced.includes(i));
      }
      for (const i of replaced) {
        // What a view that kept its doc showed: the informer's other version.
        expect(titles(held[i]!)).not.toEqual(canonical);
        // Presence moved to the new doc (the editor knows its own clientID there).
        const awareness = bridges[i]!.awarenessFor(TASK_BOARD_DOC_ID);
        expect(awareness).not.toBe(awarenessBefore[i]);
        expect(awareness.doc).toBe(views[i]!.doc);
        expect(awareness.clientID).toBe(views[i]!.doc.clientID);
      }

      // A replaced member writes through its view: everyone gets it.
      const writer = replaced[0]!;
      const meHex = toHex(cell.keys[writer]!.signPk);
      expect(addTask(views[writer]!.doc, 'After the heal', meHex, { now: 2 }).ok).toBe(true);
      // A screen that had not rebound yet types into the old doc: it still goes out.
      expect(addTask(held[writer]!, 'Late, old doc', meHex, { now: 3 }).ok).toBe(true);
      await cell.syncs[writer]!.flush();
      await cell.advance(1000);
      for (let i = 0; i < 3; i++) {
        const now = titles(cell.syncs[i]!.doc(TASK_BOARD_DOC_ID));
        expect(now, `peer ${i}`).toEqual(
          expect.arrayContaining(['After the heal', 'Late, old doc']),
        );
        expect(now, `peer ${i}`).toEqual(titles(cell.syncs[0]!.doc(TASK_BOARD_DOC_ID)));
      }
      bridges.forEach((b) => b.destroy());
      await cell.close();
      // Replaced docs are destroyed with the engine (and the Awareness bound to them).
      for (const i of replaced) expect(held[i]!.isDestroyed).toBe(true);
    });
  }
});
