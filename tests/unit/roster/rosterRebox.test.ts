/**
 * The `rebox` op (PROTOCOL §9.1, §9.5): a known answer re-derived here with raw libsodium calls
 * and literal labels from the documented layout, byte-flip tamper tests, the proof of possession
 * (nobody takes someone else's box key, no low-order key), and what it changes in the roster.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex, utf8 } from '../../../shared/crypto/bytes.ts';
import { hash } from '../../../shared/crypto/hash.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import { reboxProofMessage } from '../../../shared/roster/reboxProofMessage.ts';
import type { ReboxBody } from '../../../shared/roster/RosterOp.ts';
import { rosterOpId } from '../../../shared/roster/rosterOpId.ts';
import { reboxBody } from '../../../shared/runtime/reboxSelf.ts';
import { makeActor, TestCell, type Actor } from './rosterFixture.ts';

let alice: Actor, bob: Actor, relay: Actor;
beforeAll(async () => {
  await sodiumReady();
  [alice, bob, relay] = ['alice', 'bob', 'relay'].map((n) => makeActor(n)) as [Actor, Actor, Actor];
});

const lb = (label: string): Uint8Array => concatBytes(new Uint8Array([label.length]), utf8(label));

/** A deterministic proof key for the vector (the app's is random: reboxBody). */
function seededRebox(cellId: Uint8Array, author: Actor, signer?: Uint8Array): ReboxBody {
  const s = sodium();
  const k = s.crypto_sign_seed_keypair(hash(LABELS.scope, [utf8('rebox-vector')], 32));
  const newBoxPk = s.crypto_sign_ed25519_pk_to_curve25519(k.publicKey);
  const proof = signDetached(
    signer ?? k.privateKey,
    LABELS.reboxProof,
    reboxProofMessage(cellId, author.signPk, newBoxPk),
  );
  return { type: 'rebox', newBoxPk, proofPk: k.publicKey, proof };
}

function vectorCell(): { cell: TestCell; head: string } {
  const cell = new TestCell(alice);
  const head = cell.join(alice, bob);
  return { cell, head };
}

describe('rebox op: known answer', () => {
  it('matches an independent encoding of PROTOCOL §9.1 and pins its opId', () => {
    const { cell, head } = vectorCell();
    const s = sodium();
    const k = s.crypto_sign_seed_keypair(hash(LABELS.scope, [utf8('rebox-vector')], 32));
    const boxPk = s.crypto_sign_ed25519_pk_to_curve25519(k.publicKey);
    // The box secret that goes with it is the Ed25519 key's X25519 form.
    const boxSk = s.crypto_sign_ed25519_sk_to_curve25519(k.privateKey);
    expect(toHex(s.crypto_scalarmult_base(boxSk))).toBe(toHex(boxPk));
    const proof = s.crypto_sign_detached(
      concatBytes(lb('quire/rebox-proof/v1'), cell.cellId, bob.signPk, boxPk),
      k.privateKey,
    );
    const body = concatBytes(boxPk, k.publicKey, proof);
    const signed = concatBytes(
      new Uint8Array([1]),
      cell.cellId,
      new Uint8Array([10]),
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
    const made = createRosterOp(cell.cellId, bob, [head], seededRebox(cell.cellId, bob));
    if (!made.ok) throw new Error(made.error);
    expect(toHex(made.value.bytes)).toBe(toHex(expected));
    expect(made.value.bytes.length).toBe(1 + 16 + 1 + 32 + 1 + 16 + 2 + 128 + 64);
    expect(made.value.opId).toBe(
      toHex(s.crypto_generichash(16, concatBytes(lb('quire/roster-id/v1'), expected), null)),
    );
    expect(made.value.opId).toBe(KNOWN_OP_ID);
    const r = computeRoster([...cell.bytes.values(), made.value.bytes], { cellId: cell.cellId });
    expect(r.applied).toContain(made.value.opId);
    expect(toHex(r.members.get(bob.hex)!.boxPk)).toBe(toHex(boxPk));
  });
});

describe('rebox op: tampering and proof of possession', () => {
  const reboxOf = (cell: TestCell, body: ReboxBody) => cell.get(cell.op(bob, body));
  const reasonOf = (cell: TestCell, bytes: Uint8Array) =>
    computeRoster([...cell.bytes.values()].filter((b) => b !== bytes).concat(bytes), {
      cellId: cell.cellId,
    }).rejected.find((x) => x.opId === rosterOpId(bytes))?.reason;

  it('no single flipped byte makes a rebox count (the op signature covers everything)', () => {
    const { cell } = vectorCell();
    const base = [...cell.bytes.values()];
    const good = createRosterOp(cell.cellId, bob, cell.frontier(), seededRebox(cell.cellId, bob));
    if (!good.ok) throw new Error(good.error);
    for (let i = 0; i < good.value.bytes.length; i++) {
      const bad = good.value.bytes.slice();
      bad[i] = (bad[i] ?? 0) ^ 0x01;
      const r = computeRoster([...base, bad], { cellId: cell.cellId });
      expect(r.applied.includes(rosterOpId(bad)), `byte ${i}`).toBe(false);
      expect(toHex(r.members.get(bob.hex)!.boxPk), `byte ${i}`).toBe(toHex(bob.boxPk));
    }
  });

  it('a flipped key or proof byte, re-signed by the member, fails the proof', () => {
    const { cell } = vectorCell();
    const base = [...cell.bytes.values()];
    const made = createRosterOp(cell.cellId, bob, cell.frontier(), seededRebox(cell.cellId, bob));
    if (!made.ok) throw new Error(made.error);
    const good = decodeRosterOp(made.value.bytes);
    if (!good.ok) throw new Error(good.error);
    const bodyStart = good.value.signed.length - 128;
    for (let i = bodyStart; i < good.value.signed.length; i++) {
      const signed = good.value.signed.slice();
      signed[i] = (signed[i] ?? 0) ^ 0x80;
      const bytes = concatBytes(signed, signDetached(bob.signSk, LABELS.rosterOpSig, signed));
      const r = computeRoster([...base, bytes], { cellId: cell.cellId });
      const reason = r.rejected.find((x) => x.opId === rosterOpId(bytes))?.reason;
      expect(['bad_rebox_proof', 'bad_box_key'], `byte ${i}: ${reason}`).toContain(reason);
      expect(toHex(r.members.get(bob.hex)!.boxPk), `byte ${i}`).toBe(toHex(bob.boxPk));
    }
  });

  it("a member cannot take a relay's box key: without its secret there is no proof", () => {
    const { cell } = vectorCell();
    cell.join(alice, relay, 'relay');
    const s = sodium();
    // The best a thief can do: a proof key of its own, and the relay's box key beside it.
    const own = s.crypto_sign_keypair();
    const body: ReboxBody = {
      type: 'rebox',
      newBoxPk: relay.boxPk,
      proofPk: own.publicKey,
      proof: signDetached(
        own.privateKey,
        LABELS.reboxProof,
        reboxProofMessage(cell.cellId, bob.signPk, relay.boxPk),
      ),
    };
    expect(reasonOf(cell, reboxOf(cell, body))).toBe('bad_rebox_proof');
  });

  it('a proof made for another member, or another cell, does not carry over', () => {
    const { cell } = vectorCell();
    const forAlice = seededRebox(cell.cellId, alice);
    expect(reasonOf(cell, reboxOf(cell, forAlice))).toBe('bad_rebox_proof');
    const elsewhere = seededRebox(new Uint8Array(16).fill(9), bob);
    expect(reasonOf(cell, reboxOf(cell, elsewhere))).toBe('bad_rebox_proof');
  });

  it('a low-order proof key (and so box key) is refused', () => {
    const { cell } = vectorCell();
    // The Ed25519 identity point and a point of order 8: libsodium refuses to convert either.
    for (const hexKey of [
      '0100000000000000000000000000000000000000000000000000000000000000',
      'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
    ]) {
      const body: ReboxBody = {
        type: 'rebox',
        newBoxPk: new Uint8Array(32),
        proofPk: fromHex(hexKey)!,
        proof: new Uint8Array(64),
      };
      expect(['bad_rebox_proof', 'bad_box_key']).toContain(reasonOf(cell, reboxOf(cell, body)));
    }
  });

  it('a relay cannot rebox (role_mismatch); a removed member cannot (removed_author)', () => {
    const { cell } = vectorCell();
    cell.join(alice, relay, 'relay');
    const byRelay = cell.op(relay, reboxBody(cell.cellId, relay.signPk).body);
    let r = cell.roster();
    expect(r.rejected.find((x) => x.opId === byRelay)?.reason).toBe('role_mismatch');
    cell.remove(alice, bob);
    const byRemoved = cell.op(bob, reboxBody(cell.cellId, bob.signPk).body);
    r = cell.roster();
    expect(r.rejected.find((x) => x.opId === byRemoved)?.reason).toBe('removed_author');
  });
});

describe('rebox op: later rotates seal to the new key', () => {
  it('a rotate that saw the rebox opens with the new secret only; a concurrent one with the old', () => {
    const { cell } = vectorCell();
    const before = cell.frontier();
    const fresh = reboxBody(cell.cellId, bob.signPk);
    const rebox = cell.op(bob, fresh.body);
    const k1 = new Uint8Array(32).fill(1);
    // Alice had not seen the rebox: her rotate seals to Bob's old key.
    const concurrent = cell.rotate(alice, k1, before);
    const after = cell.rotate(alice, new Uint8Array(32).fill(2));
    const r = cell.roster();
    expect(r.applied).toEqual(expect.arrayContaining([rebox, concurrent, after]));
    const body = (id: string) => {
      const d = decodeRosterOp(cell.get(id));
      if (!d.ok || d.value.body.type !== 'rotate') throw new Error('rotate');
      return d.value.body;
    };
    const oldKeys = { signPk: bob.signPk, boxPk: bob.boxPk, boxSk: bob.boxSk };
    const newKeys = { signPk: bob.signPk, boxPk: fresh.boxPk, boxSk: fresh.boxSk };
    expect(openEpochWrap(body(concurrent), cell.cellId, oldKeys).ok).toBe(true);
    expect(openEpochWrap(body(concurrent), cell.cellId, newKeys).ok).toBe(false);
    expect(openEpochWrap(body(after), cell.cellId, newKeys).ok).toBe(true);
    expect(openEpochWrap(body(after), cell.cellId, oldKeys).ok).toBe(false);
  });
});

const KNOWN_OP_ID = 'a1b05250ecba6271799df733b4a720d7';
