import { beforeAll, describe, expect, it } from 'vitest';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';
import { decryptEnvelope } from '../../../shared/envelope/decryptEnvelope.ts';
import { ENVELOPE_KIND } from '../../../shared/envelope/EnvelopeKind.ts';
import { sealEnvelope } from '../../../shared/envelope/sealEnvelope.ts';
import { sealedEnvelopeLength } from '../../../shared/envelope/sealedEnvelopeLength.ts';
import { CELL_DOC_ID } from '../../../shared/sync/CellSyncOptions.ts';
import { makeActor, TestCell, type Actor } from './rosterFixture.ts';

beforeAll(async () => {
  await sodiumReady();
});

/**
 * Issue 13 item 7: a rotate op holds one wrap per member, so before the fix the size of its
 * envelope, which a relay and every peer on the mesh see, gave the exact member count (15
 * distinct sizes for 2-16 members).
 */
describe('rotate envelope sizes', () => {
  const contentKey = new Uint8Array(32).fill(4);
  let fixture: { anna: Actor; cell: TestCell; others: Actor[] } | undefined;
  const setup = () =>
    (fixture ??= {
      anna: makeActor('Anna', 'padding'),
      cell: new TestCell(makeActor('Anna', 'padding')),
      others: Array.from({ length: 200 }, (_, i) => makeActor(`m${i}`, 'padding')),
    });

  /** The sealed size of a rotate to `n` recipients, as a roster envelope. */
  function rotateEnvelopeSize(n: number): number {
    const { anna, cell, others } = setup();
    const to = [anna, ...others]
      .slice(0, n)
      .map((a): [Actor, 'member'] => [a, 'member'])
      .sort(([x], [y]) => (x.hex < y.hex ? -1 : 1));
    const opId = cell.rawRotate(anna, 1, to, [cell.genesisId]);
    const sealed = sealEnvelope({
      contentKey,
      cellId: cell.cellId,
      epoch: 0,
      kind: ENVELOPE_KIND.roster,
      docId: CELL_DOC_ID,
      author: anna,
      seq: n,
      time: 0,
      body: cell.get(opId),
    });
    if (!sealed.ok) throw new Error(sealed.error);
    // Every receiver accepts the padded size as canonical.
    expect(decryptEnvelope(sealed.value.bytes, contentKey, cell.cellId, 0).ok).toBe(true);
    return sealed.value.bytes.length;
  }

  it('is one value for 2 to 16 members', () => {
    const sizes = new Set(Array.from({ length: 15 }, (_, i) => rotateEnvelopeSize(i + 2)));
    expect([...sizes]).toHaveLength(1);
  });

  it('leaves every other roster op at its Padmé size', () => {
    const { anna, cell } = setup();
    const opId = cell.op(anna, { type: 'rename', pseudonym: 'Anna K.' }, [cell.genesisId]);
    const body = cell.get(opId);
    const sealed = sealEnvelope({
      contentKey,
      cellId: cell.cellId,
      epoch: 0,
      kind: ENVELOPE_KIND.roster,
      docId: CELL_DOC_ID,
      author: anna,
      seq: 1,
      time: 0,
      body,
    });
    expect(sealed.ok && sealed.value.bytes.length).toBe(sealedEnvelopeLength(body.length));
  });

  it('takes three values for 1 to 200 members (PROTOCOL §4.3)', () => {
    const sizes = new Set(Array.from({ length: 200 }, (_, i) => rotateEnvelopeSize(i + 1)));
    expect([...sizes].sort((a, b) => a - b)).toEqual([8233, 16425, 32809]);
  });
});
