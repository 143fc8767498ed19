import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cellIndexMaps } from '../../../shared/cell/cellIndexMaps.ts';
import { commentsDocId, isCommentsDocId } from '../../../shared/cell/commentsDocId.ts';
import { COMMENTS_DOC_PREFIX, isDraftId, newId } from '../../../shared/cell/ids.ts';
import {
  readersCommentGrantKey,
  readersMayComment,
  readReadersComment,
  setReadersComment,
} from '../../../shared/cell/readersCommentPolicy.ts';
import { fromHex } from '../../../shared/crypto/bytes.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';

const COORD = 'c'.repeat(64);
const MEMBER = 'm'.repeat(64);
const authors = (id: number): string | undefined => ({ 1: COORD, 2: MEMBER })[id];
const isCoordinator = (hex: string): boolean => hex === COORD;
const coordinatorAt = (hex: string): boolean => hex === COORD;

/** The index doc on the coordinator's device (clientID 1) and on a member's (clientID 2). */
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

beforeAll(async () => {
  await sodiumReady();
});

describe('issue 17: the comments document of a draft', () => {
  it('has an id in the comments range, stable per draft, never a draft id', () => {
    const draft = newId();
    const id = commentsDocId(draft);
    expect(id && isCommentsDocId(id)).toBe(true);
    expect(commentsDocId(draft)).toEqual(id);
    expect(commentsDocId(newId())).not.toEqual(id);
    expect(isCommentsDocId(fromHex(draft) ?? new Uint8Array())).toBe(false);
    // A member cannot list a draft (or an image) whose id is in the comments range.
    expect(isDraftId(COMMENTS_DOC_PREFIX + '0'.repeat(16))).toBe(false);
    expect(commentsDocId('not a draft')).toBeUndefined();
  });
});

describe('issue 17: readers comment, a coordinators’ choice granted per epoch', () => {
  it('is off by default; a coordinator turning it on grants the epoch the cell writes in', () => {
    const { coord } = docs();
    expect(readReadersComment(coord, authors, isCoordinator)).toEqual({
      on: false,
      tampered: false,
    });
    expect(readersMayComment(coord, 0, authors, coordinatorAt)).toBe(false);
    setReadersComment(coord, true, 3);
    expect(readReadersComment(coord, authors, isCoordinator)).toEqual({
      on: true,
      tampered: false,
    });
    expect(readersMayComment(coord, 3, authors, coordinatorAt)).toBe(true);
    expect(readersMayComment(coord, 4, authors, coordinatorAt)).toBe(false);
    expect(readersMayComment(coord, 2, authors, coordinatorAt)).toBe(false);
  });

  it('a member cannot grant, nor take a grant back by overwriting or deleting it', () => {
    const { coord, member, sync } = docs();
    cellIndexMaps(member).policy.set(readersCommentGrantKey(0), true);
    sync();
    expect(readersMayComment(coord, 0, authors, coordinatorAt)).toBe(false);
    setReadersComment(coord, true, 1);
    sync();
    cellIndexMaps(member).policy.set(readersCommentGrantKey(1), false);
    sync();
    expect(readersMayComment(coord, 1, authors, coordinatorAt)).toBe(true);
    cellIndexMaps(member).policy.delete(readersCommentGrantKey(1));
    sync();
    // Still granted after the update travels as a whole (a new peer, a snapshot).
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(coord));
    expect(readersMayComment(fresh, 1, authors, coordinatorAt)).toBe(true);
    expect(readersMayComment(member, 1, authors, coordinatorAt)).toBe(true);
  });

  it('the choice a member writes over or deletes reads as off (readers only read)', () => {
    const { coord, member, sync } = docs();
    setReadersComment(coord, true, 0);
    sync();
    setReadersComment(member, true, 0);
    sync();
    expect(readReadersComment(coord, authors, isCoordinator)).toEqual({
      on: false,
      tampered: true,
    });
    cellIndexMaps(member).policy.delete('readersComment');
    sync();
    expect(readReadersComment(coord, authors, isCoordinator)).toEqual({
      on: false,
      tampered: true,
    });
  });

  it('turning it off leaves the granted epoch granted (judged alike on every peer), grants no later one', () => {
    const { coord } = docs();
    setReadersComment(coord, true, 5);
    setReadersComment(coord, false, 5);
    expect(readReadersComment(coord, authors, isCoordinator).on).toBe(false);
    expect(readersMayComment(coord, 5, authors, coordinatorAt)).toBe(true);
    expect(readersMayComment(coord, 6, authors, coordinatorAt)).toBe(false);
  });
});
