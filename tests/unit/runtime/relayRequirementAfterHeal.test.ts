import { describe, expect, it } from 'vitest';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../../shared/cell/createDraft.ts';
import { setInsideCountry } from '../../../shared/cell/setInsideCountry.ts';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { RelayRequirement } from '../../../shared/runtime/RelayRequirement.ts';
import { unlinkedUpdateBody } from '../../support/updateChain.ts';
import { splitCell } from '../sync/splitCell.ts';

/**
 * Issue 14 with issue 16: an informer forks the CELL INDEX (real CellSync engines) and the fork
 * heals, replacing the index doc on some members. Afterwards such a member says she is inside the
 * country (the Tasks screen writes the doc the engine syncs): relay-only must follow at once.
 * Before, RelayRequirement kept watching the replaced index and never saw it, so her device went
 * on making direct connections (her IP to every peer). Fails on the old code.
 */
describe('the relay requirement follows a cell index a fork heal replaced', () => {
  it('a member who says she is inside after the heal goes relay-only', async () => {
    const cell = await splitCell(3, 3, { docId: CELL_INDEX_DOC_ID });
    const by = cell.informerHex;
    const roster = computeRoster([], { cellId: cell.cellId });
    const saved = cell.syncs.map(() => 0);
    const relays = cell.syncs.map(
      (sync, i) =>
        new RelayRequirement({
          sync,
          meHex: toHex(cell.keys[i]!.signPk),
          roster: () => roster,
          relayOnlySaved: () => saved[i]! > 0,
          saveRelayOnly: () => void saved[i]!++,
        }),
    );
    const only = (on: readonly number[]) =>
      cell.syncs.forEach((_, i) => cell.net.setOffline(i, !on.includes(i)));
    const version = (name: string, title: string) =>
      cell.sealBy(
        ENVELOPE_KIND.update,
        1,
        unlinkedUpdateBody(cell.informerChange(name, (d) => createDraft(d, title, by, 1))),
      );
    const held = cell.syncs.map((s) => s.doc(CELL_INDEX_DOC_ID));
    only([0, 1]);
    await cell.informerPosts([version('a', 'Library flyer')]);
    only([2]);
    await cell.informerPosts([version('b', 'Bus station flyer')]);
    cell.net.healAll();
    await cell.advance(1000);
    const replaced = [0, 1, 2].filter((i) => cell.syncs[i]!.doc(CELL_INDEX_DOC_ID) !== held[i]);
    expect(replaced.length).toBeGreaterThan(0);
    expect(saved).toEqual([0, 0, 0]);

    const w = replaced[0]!;
    setInsideCountry(cell.syncs[w]!.doc(CELL_INDEX_DOC_ID), toHex(cell.keys[w]!.signPk), true);
    expect(relays[w]!.reason()).toBe('inside');
    expect(saved[w]).toBe(1);
    relays.forEach((r) => r.stop());
    await cell.close();
  });
});
