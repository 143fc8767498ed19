import { describe, expect, it } from 'vitest';
import { authorRuns } from '../../../shared/cell/authorRuns.ts';
import { replaceDraftText } from '../../../shared/cell/replaceDraftText.ts';
import { ALICE, BOB, authorsOf, docWithClient, firstText, sync } from './cellFixture.ts';

describe('who wrote what (authorRuns)', () => {
  it('names the verified writer of every character, whatever marks or deletions say', () => {
    const alice = docWithClient(1);
    const bob = docWithClient(2);
    const stranger = docWithClient(3);
    replaceDraftText(alice, 'Hello world');
    sync(alice, bob);
    firstText(bob).insert(6, 'big ');
    // Formatting is not writing: Bob's bold over Alice's word leaves it hers.
    firstText(bob).format(0, 5, { bold: {} });
    sync(alice, bob);
    firstText(alice).delete(0, 1); // Alice deletes her own 'H'
    firstText(alice).insert(0, 'J');
    sync(alice, stranger);
    firstText(stranger).insert(firstText(stranger).length, '!');
    sync(alice, stranger);
    sync(alice, bob);
    const authors = authorsOf([alice, ALICE], [bob, BOB]);
    for (const doc of [alice, bob]) {
      expect(authorRuns(firstText(doc), authors)).toEqual([
        { author: ALICE, length: 6 }, // 'Jello '
        { author: BOB, length: 4 }, // 'big '
        { author: ALICE, length: 5 }, // 'world'
        { author: undefined, length: 1 }, // '!' from a clientID nobody verified
      ]);
    }
  });
});
