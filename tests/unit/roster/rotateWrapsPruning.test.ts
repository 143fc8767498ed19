import { beforeAll, describe, expect, it } from 'vitest';
import { bytesEqual, concatBytes, labelBytes, toHex } from '../../../shared/crypto/bytes.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import { pruneRotateWraps, wrapsPruned } from '../../../shared/roster/pruneRotateWraps.ts';
import { rosterOpId } from '../../../shared/roster/rosterOpId.ts';
import {
  WRAP_SEALED_BYTES,
  type EpochWrap,
  type RotateBody,
} from '../../../shared/roster/RosterOp.ts';
import { verifyRosterOp } from '../../../shared/roster/verifyRosterOp.ts';
import { countedEpochKeys } from '../../../shared/runtime/countedEpochKeys.ts';
import { RosterLog } from '../../../shared/runtime/RosterLog.ts';
import { makeActor, rosterDigest, TestCell, type Actor } from './rosterFixture.ts';

let alice: Actor, bob: Actor;
const K1 = new Uint8Array(32).fill(0x11);
const K2 = new Uint8Array(32).fill(0x22);

beforeAll(async () => {
  await sodiumReady();
  alice = makeActor('alice');
  bob = makeActor('bob');
});

function rotateOf(bytes: Uint8Array): RotateBody {
  const d = decodeRosterOp(bytes);
  if (!d.ok || d.value.body.type !== 'rotate') throw new Error('not a rotate');
  return d.value.body;
}

/** alice and bob, then rotates to epochs 1 and 2 sealed for real. */
function twoRotations() {
  const cell = new TestCell(alice);
  cell.join(alice, bob);
  const r1 = cell.rotate(alice, K1);
  const r2 = cell.rotate(alice, K2);
  return { cell, r1, r2 };
}

describe('rotate format 2 (PROTOCOL §9.1): a signed digest of the wraps, which may be pruned', () => {
  it('lays out as version 2, signs the digest, carries the wraps after the signature (known answer)', () => {
    const cell = new TestCell(alice);
    // Filler wraps: crypto_box_seal is randomised, so a vector needs fixed sealed bytes.
    const wraps: EpochWrap[] = [alice, bob]
      .map((a, i) => ({
        recipient: a.signPk,
        kind: 'member' as const,
        sealed: new Uint8Array(WRAP_SEALED_BYTES).fill(0xa0 + i),
      }))
      .sort((x, y) => (toHex(x.recipient) < toHex(y.recipient) ? -1 : 1));
    const id = cell.op(alice, { type: 'rotate', newEpoch: 3, wraps }, [cell.genesisId]);
    const bytes = cell.get(id);
    const n = wraps.length;
    const bodyLength = 4 + 2 + n * 33 + 32;
    const signedLength = 1 + 16 + 1 + 32 + 1 + 16 + 2 + bodyLength;
    expect(bytes[0]).toBe(2);
    expect(bytes.length).toBe(signedLength + 64 + 1 + n * WRAP_SEALED_BYTES);
    // The digest, computed here from the spec with libsodium directly.
    const label = labelBytes('quire/rotate-wraps/v1');
    const digest = sodium().crypto_generichash(
      32,
      concatBytes(label, ...wraps.map((w) => w.sealed!)),
      null,
    );
    expect(toHex(bytes.subarray(signedLength - 32, signedLength))).toBe(toHex(digest));
    expect(bytes[signedLength + 64]).toBe(1);
    expect(toHex(bytes.subarray(signedLength + 65))).toBe(
      toHex(concatBytes(...wraps.map((w) => w.sealed!))),
    );
    // The opId covers the op up to its signature, never the wraps.
    const idLabel = labelBytes('quire/roster-id/v1');
    const expectedId = sodium().crypto_generichash(
      16,
      concatBytes(idLabel, bytes.subarray(0, signedLength + 64)),
      null,
    );
    expect(id).toBe(toHex(expectedId));
    // Pinned: Ed25519 is deterministic and every input is fixed.
    expect(id).toBe('385bde5a55465bcefc9d6d8af7b13a84');
    expect(verifyRosterOp(bytes, cell.cellId).ok).toBe(true);
  });

  it('a pruned copy is the same op: same id, still verifies, computes the same roster', () => {
    const { cell, r1, r2 } = twoRotations();
    const full = cell.get(r1);
    const pruned = pruneRotateWraps(full);
    expect(pruned.length).toBeLessThan(full.length - 2 * WRAP_SEALED_BYTES + 1);
    expect(wrapsPruned(pruned)).toBe(true);
    expect(wrapsPruned(full)).toBe(false);
    expect(rosterOpId(pruned)).toBe(r1);
    expect(pruneRotateWraps(pruned)).toBe(pruned);
    const v = verifyRosterOp(pruned, cell.cellId);
    if (!v.ok) throw new Error(v.error);
    expect(v.value.opId).toBe(r1);
    const others = [...cell.bytes].filter(([id]) => id !== r1).map(([, b]) => b);
    const a = computeRoster([...others, full], { cellId: cell.cellId });
    const b = computeRoster([...others, pruned], { cellId: cell.cellId });
    expect(rosterDigest(b)).toBe(rosterDigest(a));
    expect(b.epoch).toBe(2);
    expect(b.epochs[1]?.rotateOpId).toBe(r1);
    expect(b.epochs[2]?.rotateOpId).toBe(r2);
    // Both copies at once: one op, the same roster.
    expect(rosterDigest(computeRoster([...others, pruned, full], { cellId: cell.cellId }))).toBe(
      rosterDigest(a),
    );
    // The pruned copy opens nothing, and says why; the full one opens K_1.
    expect(openEpochWrap(rotateOf(pruned), cell.cellId, bob)).toMatchObject({
      ok: false,
      error: 'wrap_pruned',
    });
    const opened = openEpochWrap(rotateOf(full), cell.cellId, bob);
    expect(opened.ok && bytesEqual(opened.value.secret, K1)).toBe(true);
  });

  it('refuses every flipped byte, wraps from another rotate, and a broken trailer', () => {
    const { cell, r1, r2 } = twoRotations();
    const full = cell.get(r1);
    for (let i = 0; i < full.length; i++) {
      const flipped = full.slice();
      flipped[i] = (flipped[i] ?? 0) ^ 0x01;
      expect(verifyRosterOp(flipped, cell.cellId).ok, `byte ${i}`).toBe(false);
    }
    const pruned = pruneRotateWraps(full);
    const trailerAt = pruned.length - 1;
    const wrapsOf = (b: Uint8Array) => b.subarray(pruneRotateWraps(b).length);
    const cases: Record<string, Uint8Array> = {
      // The same recipients, epoch 2's wraps: they would open to K_2 under epoch 1's rotate.
      otherWraps: concatBytes(pruned, wrapsOf(cell.get(r2))),
      flag2: concatBytes(pruned.subarray(0, trailerAt), new Uint8Array([2])),
      noFlag: pruned.subarray(0, trailerAt),
      prunedTrailing: concatBytes(pruned, new Uint8Array([0])),
      truncated: full.subarray(0, full.length - 1),
      oneWrapShort: full.subarray(0, full.length - WRAP_SEALED_BYTES),
      fullTrailing: concatBytes(full, new Uint8Array([0])),
    };
    for (const [name, bytes] of Object.entries(cases))
      expect(decodeRosterOp(bytes), name).toMatchObject({ ok: false, error: 'malformed' });
    // A version-2 op that is not a rotate, correctly signed otherwise: malformed too.
    const rename = cell.get(cell.op(alice, { type: 'rename', pseudonym: 'A' }));
    const v2rename = rename.slice();
    v2rename[0] = 2;
    expect(decodeRosterOp(v2rename)).toMatchObject({ ok: false, error: 'malformed' });
  });

  it('still reads a version-1 rotate (wraps signed in place), which cannot be pruned', () => {
    const cell = new TestCell(alice);
    cell.join(alice, bob);
    const view = cell.roster();
    const fresh = rotateOf(cell.get(cell.rotate(alice, K1)));
    const legacyId = cell.op(alice, { ...fresh, newEpoch: view.epoch + 2, legacy: true });
    const legacy = cell.get(legacyId);
    expect(legacy[0]).toBe(1);
    expect(rotateOf(legacy).legacy).toBe(true);
    expect(pruneRotateWraps(legacy)).toBe(legacy);
    expect(rosterOpId(legacy)).toBe(legacyId);
  });
});

describe('the roster log below the history horizon', () => {
  it('prunes the rotates below its floor, keeps the current one, and never takes their wraps back', () => {
    const { cell, r1, r2 } = twoRotations();
    const all = [...cell.bytes.values()];
    const log = new RosterLog(cell.cellId, all);
    expect(log.pruneBelow(2)).toBe(true);
    expect(wrapsPruned(log.get(r1)!)).toBe(true);
    expect(wrapsPruned(log.get(r2)!)).toBe(false);
    expect(log.roster().epochs[1]?.rotateOpId).toBe(r1);
    // A peer serves the copy with wraps again: the forgotten epoch stays forgotten.
    let changes = 0;
    log.onChange(() => changes++);
    expect(log.offer(cell.get(r1), alice.signPk).outcome).toBe('known');
    expect(wrapsPruned(log.get(r1)!)).toBe(true);
    expect(changes).toBe(0);
    // A log opened from a stored record with a floor prunes at once.
    const reopened = new RosterLog(cell.cellId, all, 2);
    expect(wrapsPruned(reopened.get(r1)!)).toBe(true);
    expect(reopened.allOps().some((b) => bytesEqual(b, cell.get(r1)))).toBe(false);
  });

  it('a joiner served pruned rotates computes the same roster', () => {
    const { cell } = twoRotations();
    const served = new RosterLog(cell.cellId, [...cell.bytes.values()]);
    served.pruneBelow(2);
    const joiner = new RosterLog(cell.cellId, served.allOps());
    expect(rosterDigest(joiner.roster())).toBe(rosterDigest(served.roster()));
    expect(joiner.roster().epoch).toBe(2);
  });

  it('a member whose only copy of the current rotate is pruned gets a typed outcome, then the key from a full copy', () => {
    const { cell, r2 } = twoRotations();
    // A peer passed its horizon past epoch 2 (it pruned r2) while bob was away.
    const bobLog = new RosterLog(
      cell.cellId,
      [...cell.bytes.values()].map((b) => (bytesEqual(b, cell.get(r2)) ? pruneRotateWraps(b) : b)),
    );
    const keysNow = () => {
      const pruned = new Set<number>();
      const keys = countedEpochKeys({
        roster: bobLog.roster(),
        cellId: cell.cellId,
        identity: bob,
        held: new Map([[1, K1]]),
        rotateBody: (id) => rotateOf(bobLog.get(id)!),
        opened: new Map(),
        floor: 1,
        pruned,
      });
      return { keys, pruned };
    };
    const before = keysNow();
    expect(before.keys.has(2)).toBe(false);
    expect([...before.pruned]).toEqual([2]);
    // Never a wrong key: only K_1, which bob held.
    expect([...before.keys]).toEqual([[1, K1]]);
    let changes = 0;
    bobLog.onChange(() => changes++);
    expect(bobLog.offer(cell.get(r2), alice.signPk).outcome).toBe('known');
    expect(changes).toBe(1);
    const after = keysNow();
    expect(after.pruned.size).toBe(0);
    expect(after.keys.get(2) && bytesEqual(after.keys.get(2)!, K2)).toBe(true);
  });
});

describe('computeRoster with junk that shares a rotate opId', () => {
  it('keeps the copy that verifies: junk after the real signature does not void the rotate', () => {
    const { cell, r1 } = twoRotations();
    const full = cell.get(r1);
    const pruned = pruneRotateWraps(full);
    // The real signed bytes, then a broken trailer: same opId, malformed, smaller than `full`.
    const junk = concatBytes(pruned, new Uint8Array([0]));
    expect(rosterOpId(junk)).toBe(r1);
    const others = [...cell.bytes].filter(([id]) => id !== r1).map(([, b]) => b);
    const clean = computeRoster([...others, full], { cellId: cell.cellId });
    for (const order of [
      [junk, full],
      [full, junk],
    ]) {
      const r = computeRoster([...others, ...order], { cellId: cell.cellId });
      expect(rosterDigest(r)).toBe(rosterDigest(clean));
    }
  });
});
