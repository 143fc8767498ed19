/**
 * The `rekey` op's bytes (PROTOCOL §9.1): a known answer re-derived here with raw libsodium calls
 * and literal labels from the documented layout, and byte-flip tamper tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8 } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { rosterOpId } from '../../../shared/roster/rosterOpId.ts';
import { makeActor, rekeyProof, TestCell, type Actor } from './rosterFixture.ts';

let alice: Actor, bob: Actor, bob2: Actor;
beforeAll(async () => {
  await sodiumReady();
  [alice, bob, bob2] = ['alice', 'bob', 'bob-new'].map((n) => makeActor(n)) as [
    Actor,
    Actor,
    Actor,
  ];
});

/** A label as it enters a signature: u8(len) || utf8. */
const lb = (label: string): Uint8Array => concatBytes(new Uint8Array([label.length]), utf8(label));

/** The cell of the vector: alice's genesis (fixed salt), bob admitted. The rekey names `head`. */
function vectorCell(): { cell: TestCell; head: string } {
  const cell = new TestCell(alice);
  const head = cell.join(alice, bob);
  return { cell, head };
}

describe('rekey op: known answer', () => {
  it('matches an independent encoding of PROTOCOL §9.1 and pins its opId', () => {
    const { cell, head } = vectorCell();
    const s = sodium();
    const proof = s.crypto_sign_detached(
      concatBytes(lb('quire/rekey-proof/v1'), cell.cellId, bob.signPk, bob2.signPk, bob2.boxPk),
      bob2.signSk,
    );
    const body = concatBytes(bob2.signPk, bob2.boxPk, proof);
    const signed = concatBytes(
      new Uint8Array([1]),
      cell.cellId,
      new Uint8Array([9]),
      bob.signPk,
      new Uint8Array([1]),
      fromHex(head)!,
      new Uint8Array([body.length >> 8, body.length & 255]),
      body,
    );
    const expected = concatBytes(
      signed,
      s.crypto_sign_detached(concatBytes(lb('quire/roster-sig/v1'), signed), bob.signSk),
    );
    const made = createRosterOp(cell.cellId, bob, [head], {
      type: 'rekey',
      newSignPk: bob2.signPk,
      newBoxPk: bob2.boxPk,
      proof: rekeyProof(cell.cellId, bob, bob2),
    });
    if (!made.ok) throw new Error(made.error);
    expect(toHex(made.value.bytes)).toBe(toHex(expected));
    expect(made.value.bytes.length).toBe(1 + 16 + 1 + 32 + 1 + 16 + 2 + 128 + 64);
    expect(made.value.opId).toBe(
      toHex(s.crypto_generichash(16, concatBytes(lb('quire/roster-id/v1'), expected), null)),
    );
    // Pinned: any change to the layout, the labels or the fixture's keys shows here.
    expect(made.value.opId).toBe(KNOWN_OP_ID);
    const r = computeRoster([...cell.bytes.values(), made.value.bytes], { cellId: cell.cellId });
    expect(r.applied).toContain(made.value.opId);
    expect(r.rekeyed.get(bob.hex)).toBe(bob2.hex);
  });
});

describe('rekey op: tampering', () => {
  function rekeyBytes(cell: TestCell): Uint8Array {
    return cell.get(cell.rekey(bob, bob2));
  }

  it('no single flipped byte makes a rekey count (the op signature covers everything)', () => {
    const { cell } = vectorCell();
    const base = [...cell.bytes.values()];
    const good = rekeyBytes(cell);
    for (let i = 0; i < good.length; i++) {
      const bad = good.slice();
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      const r = computeRoster([...base, bad], { cellId: cell.cellId });
      expect(r.applied.includes(rosterOpId(bad)), `byte ${i}`).toBe(false);
      expect(r.members.has(bob.hex), `byte ${i}`).toBe(true);
      expect(r.members.has(bob2.hex), `byte ${i}`).toBe(false);
    }
  });

  it('a flipped key or proof byte, re-signed by the old key, fails the proof (bad_rekey_proof)', () => {
    const { cell } = vectorCell();
    const base = [...cell.bytes.values()];
    const good = decodeRosterOp(rekeyBytes(cell));
    if (!good.ok) throw new Error(good.error);
    const bodyStart = good.value.signed.length - 128;
    for (let i = bodyStart; i < good.value.signed.length; i++) {
      const signed = good.value.signed.slice();
      signed[i] = (signed[i] ?? 0) ^ 0x80;
      // The thief holds the old key and signs the op; only the new key can sign the proof.
      const bytes = concatBytes(signed, signDetached(bob.signSk, LABELS.rosterOpSig, signed));
      const r = computeRoster([...base, bytes], { cellId: cell.cellId });
      const reason = r.rejected.find((x) => x.opId === rosterOpId(bytes))?.reason;
      expect(['bad_rekey_proof', 'bad_box_key'], `byte ${i}: ${reason}`).toContain(reason);
      expect(r.members.has(bob.hex), `byte ${i}`).toBe(true);
    }
  });
});

const KNOWN_OP_ID = 'bdba143d05fa0fb66452d4b6f7a34eec';
