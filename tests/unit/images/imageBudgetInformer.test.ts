import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkImageBudget } from '../../../shared/images/checkImageBudget.ts';
import { newImageId } from '../../../shared/images/imageDocId.ts';
import { IMAGE_LIMITS } from '../../../shared/images/imageLimits.ts';
import { registerImage } from '../../../shared/images/registerImage.ts';

/** Two replicas of a cell index whose clientIDs the engine bound to two members' keys. */
function twoReplicas(): { informer: Y.Doc; olena: Y.Doc; authors: (client: number) => string } {
  const informer = new Y.Doc();
  const olena = new Y.Doc();
  informer.clientID = 101;
  olena.clientID = 202;
  const names = new Map([
    [101, 'informer-key'],
    [202, 'olena-key'],
  ]);
  return { informer, olena, authors: (client) => names.get(client) ?? '' };
}

const sync = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

describe('image budget against an informer', () => {
  // The attack: one member lists the cell's whole budget of images (entries cost a few bytes,
  // no image needed) and nobody else can insert a picture again.
  it('an informer filling the images list does not stop an honest member inserting hers', () => {
    const { informer, olena, authors } = twoReplicas();
    for (let i = 0; i < IMAGE_LIMITS.memberMaxImages; i++)
      registerImage(informer, newImageId(), IMAGE_LIMITS.storedMaxBytes);
    sync(informer, olena);
    const mine = { authors, member: 'olena-key' };
    expect(checkImageBudget(olena, 200_000, mine)).toMatchObject({ ok: true });
    // The informer is bound by the same budget, counted on her own entries.
    const hers = { authors, member: 'informer-key' };
    expect(checkImageBudget(olena, 1, hers)).toMatchObject({ ok: false });
  });

  it('an entry someone else overwrote no longer counts for its first writer, nor blocks her', () => {
    const { informer, olena, authors } = twoReplicas();
    const ids = Array.from({ length: IMAGE_LIMITS.memberMaxImages }, () => newImageId());
    for (const id of ids) registerImage(olena, id, 10);
    const mine = { authors, member: 'olena-key' };
    expect(checkImageBudget(olena, 1, mine)).toMatchObject({ error: 'member_images_count' });
    sync(olena, informer);
    // Overwriting Olena's entries moves them to the informer's count (the writer of the value).
    for (const id of ids) registerImage(informer, id, IMAGE_LIMITS.storedMaxBytes);
    sync(informer, olena);
    expect(checkImageBudget(olena, 1, mine)).toMatchObject({ ok: true });
  });
});
