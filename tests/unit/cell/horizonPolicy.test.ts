import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { horizonAckValue, readHorizonAcks } from '../../../shared/cell/readHorizonAcks.ts';
import { readHorizonPolicy } from '../../../shared/cell/readHorizonPolicy.ts';
import { setHorizonPolicy } from '../../../shared/cell/setHorizonPolicy.ts';

const COORD = 'c'.repeat(64);
const MEMBER = 'm'.repeat(64);
const authors = (id: number): string | undefined => ({ 1: COORD, 2: MEMBER })[id];
const isCoordinator = (hex: string): boolean => hex === COORD;

/** A doc written by the coordinator (clientID 1), then by the member (clientID 2). */
function docs(): { coord: Y.Doc; member: Y.Doc; sync: () => void } {
  const coord = new Y.Doc();
  coord.clientID = 1;
  const member = new Y.Doc();
  member.clientID = 2;
  const sync = (): void => {
    Y.applyUpdate(member, Y.encodeStateAsUpdate(coord));
    Y.applyUpdate(coord, Y.encodeStateAsUpdate(member));
  };
  return { coord, member, sync };
}

describe('history horizon setting: counts only as a coordinator wrote it', () => {
  it('is 30 days when never set, and what the coordinator chose', () => {
    const { coord } = docs();
    expect(readHorizonPolicy(coord, authors, isCoordinator)).toEqual({
      setting: { days: 30 },
      tampered: false,
    });
    setHorizonPolicy(coord, 90);
    expect(readHorizonPolicy(coord, authors, isCoordinator).setting).toEqual({ days: 90 });
    setHorizonPolicy(coord, 'issue');
    expect(readHorizonPolicy(coord, authors, isCoordinator).setting).toEqual({ issue: true });
  });

  it('fails closed to the shortest choice when a member writes over it, deletes it, or it is junk', () => {
    const { coord, member, sync } = docs();
    setHorizonPolicy(coord, 7);
    sync();
    setHorizonPolicy(member, 90);
    sync();
    expect(readHorizonPolicy(coord, authors, isCoordinator)).toEqual({
      setting: { days: 7 },
      tampered: true,
    });
    cellIndexMaps(member).policy.delete('horizon');
    sync();
    expect(readHorizonPolicy(coord, authors, isCoordinator).tampered).toBe(true);
    cellIndexMaps(coord).policy.set('horizon', 100_000);
    expect(readHorizonPolicy(coord, authors, isCoordinator)).toEqual({
      setting: { days: 7 },
      tampered: true,
    });
  });
});

describe('history horizon acknowledgements', () => {
  it('count only under the key of the member who wrote them', () => {
    const { coord, member, sync } = docs();
    const value = horizonAckValue(3, 'ab'.repeat(32));
    cellIndexMaps(member).acks.set(MEMBER, value);
    // The member acknowledges for the coordinator too: not counted.
    cellIndexMaps(member).acks.set(COORD, value);
    cellIndexMaps(coord).acks.set('x'.repeat(64), 7);
    sync();
    expect(readHorizonAcks(coord, authors)).toEqual(new Map([[MEMBER, value]]));
  });
});
