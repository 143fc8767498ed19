/**
 * Issue 16 item 2: relay-only on for a member who says they are inside the country, and for
 * everyone while a coordinator has set the cell's "nobody sees anybody's IP". The attack: before,
 * a member who declared herself inside kept joining rooms with direct connections allowed (every
 * peer learnt her home address), and a cell-wide setting a member could overwrite would let an
 * informer turn it off for everyone.
 */
import { describe, expect, it } from 'vitest';
import { CELL_INDEX_DOC_ID } from '../../../shared/cell/cellIndexDocId.ts';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { readRelayPolicy } from '../../../shared/cell/readRelayPolicy.ts';
import { setInsideCountry } from '../../../shared/cell/setInsideCountry.ts';
import { setRelayPolicy } from '../../../shared/cell/setRelayPolicy.ts';
import type { CellRuntime } from '../../../shared/runtime/CellRuntime.ts';
import type { RoomConfig } from '../../../shared/transport/Transport.ts';
import { prng } from '../../support/prng.ts';
import { createRuntimeCell, memberHex, type RuntimeCell } from './runtimeCell.ts';

/** Records every RoomConfig each network peer joins with. */
function recordJoins(cell: RuntimeCell): Map<number, RoomConfig[]> {
  const joins = new Map<number, RoomConfig[]>();
  const transportFor = cell.net.transportFor.bind(cell.net);
  cell.net.transportFor = (peer) => {
    const inner = transportFor(peer);
    const list: RoomConfig[] = [];
    joins.set(peer, list);
    return {
      join: (config, doc) => {
        list.push(config);
        return inner.join(config, doc);
      },
    };
  };
  return joins;
}

/** The cell's policy as `viewer`'s device reads it. */
const policyOn = (viewer: CellRuntime) =>
  readRelayPolicy(
    viewer.sync.doc(CELL_INDEX_DOC_ID),
    viewer.sync.clientAuthors(CELL_INDEX_DOC_ID),
    (hex) => viewer.currentRoster().members.get(hex)?.role === 'coordinator',
  );

async function threeMembers(seed: number) {
  const { cell, founder: anna } = await createRuntimeCell(prng(seed));
  const joins = recordJoins(cell);
  const bora = await cell.admit(anna, 'Bora', 'member', 1);
  const cem = await cell.admit(anna, 'Cem', 'member', 2);
  await cell.advance(2_000);
  return { cell, anna, bora, cem, joins, all: [anna, bora, cem] };
}

/** Every room `peer` joined since `from` allows relay candidates only, and there is one. */
const relayOnlySince = (joins: Map<number, RoomConfig[]>, peer: number, from: number): boolean => {
  const later = (joins.get(peer) ?? []).slice(from);
  return later.length > 0 && later.every((c) => c.relayOnly === true);
};

describe('relay-only required by the cell (issue 16 item 2)', () => {
  it('a member who says she is inside leaves and rejoins her rooms relay-only, and stays so', async () => {
    const { cell, bora, joins, all } = await threeMembers(161);
    const before = joins.get(1)?.length ?? 0;
    expect(before).toBeGreaterThan(0);
    expect(joins.get(1)?.every((c) => c.relayOnly !== true)).toBe(true);

    expect(setInsideCountry(bora.sync.doc(CELL_INDEX_DOC_ID), memberHex(bora), true).ok).toBe(true);
    await cell.advance(1_000);
    expect(relayOnlySince(joins, 1, before)).toBe(true);
    // Kept on this device: the next start is relay-only from its first connection.
    expect(bora.cellRecord.relayOnly).toBe(true);
    for (const rt of all) await rt.close();
  });

  it("a coordinator's setting puts every member on the relay; a member's forged write cannot turn it off", async () => {
    const { cell, anna, bora, cem, joins, all } = await threeMembers(162);
    const bFrom = joins.get(1)?.length ?? 0;
    const cFrom = joins.get(2)?.length ?? 0;
    setRelayPolicy(anna.sync.doc(CELL_INDEX_DOC_ID), true);
    await cell.advance(5_000);
    for (const rt of all) expect(policyOn(rt)).toEqual({ on: true, tampered: false });
    expect(relayOnlySince(joins, 1, bFrom)).toBe(true);
    expect(relayOnlySince(joins, 2, cFrom)).toBe(true);
    expect(anna.cellRecord.relayOnly).toBe(true);

    // Cem, a member, writes "off" over Anna's "on": every device still reads it as on.
    setRelayPolicy(cem.sync.doc(CELL_INDEX_DOC_ID), false);
    await cell.advance(5_000);
    for (const rt of all) expect(policyOn(rt)).toEqual({ on: true, tampered: true });
    // Deleting it instead: the same.
    cellIndexMaps(cem.sync.doc(CELL_INDEX_DOC_ID)).policy.delete('relayOnly');
    await cell.advance(5_000);
    for (const rt of all) expect(policyOn(rt)).toEqual({ on: true, tampered: true });
    // Bora's rooms never went back to direct connections.
    expect(relayOnlySince(joins, 1, bFrom)).toBe(true);

    // The coordinator turns it off: off for the cell (each device keeps its own relay-only).
    setRelayPolicy(anna.sync.doc(CELL_INDEX_DOC_ID), false);
    await cell.advance(5_000);
    for (const rt of all) expect(policyOn(rt)).toEqual({ on: false, tampered: false });
    expect(bora.cellRecord.relayOnly).toBe(true);
    for (const rt of all) await rt.close();
  });
});
