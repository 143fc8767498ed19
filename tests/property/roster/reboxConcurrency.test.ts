/**
 * Seeded histories of concurrent reboxes, rotates and removals from partial views (PROTOCOL §9.5,
 * §11.5): peers receiving the ops in any order agree, and the box secrets a member keeps under the
 * horizon's rule (boxKeyNeeded) always open its wrap of every counted epoch the horizon has not
 * passed, whatever concurrent rotate sealed it to an older key. A failure names its seed:
 * REBOX_SEEDS=<seed> npx vitest run --project core tests/property/roster/reboxConcurrency.test.ts
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';
import { signDetached } from '../../../shared/crypto/signDetached.ts';
import { sodium, sodiumReady } from '../../../shared/crypto/sodium.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { decodeRosterOp } from '../../../shared/roster/decodeRosterOp.ts';
import { openEpochWrap } from '../../../shared/roster/openEpochWrap.ts';
import { reboxProofMessage } from '../../../shared/roster/reboxProofMessage.ts';
import type { ReboxBody } from '../../../shared/roster/RosterOp.ts';
import { boxKeyNeeded } from '../../../shared/runtime/boxKeysToKeep.ts';
import { makeActor, rosterDigest, TestCell, type Actor } from '../../unit/roster/rosterFixture.ts';
import { pick, prng, randBytes, randInt, shuffle, type Rand } from './generateRosterHistory.ts';

const SEEDS = process.env.REBOX_SEEDS
  ? process.env.REBOX_SEEDS.split(',').map(Number)
  : Array.from({ length: 40 }, (_, i) => i + 1);

interface BoxKey {
  readonly boxPk: Uint8Array;
  readonly boxSk: Uint8Array;
  /** The rebox op that replaced it; undefined for the actor's current key. */
  replacedBy?: string;
}

/** As reboxBody, with the proof key drawn from the seed. */
function seededRebox(rand: Rand, cellId: Uint8Array, author: Actor) {
  const s = sodium();
  const k = s.crypto_sign_seed_keypair(randBytes(rand, 32));
  const boxPk = s.crypto_sign_ed25519_pk_to_curve25519(k.publicKey);
  const boxSk = s.crypto_sign_ed25519_sk_to_curve25519(k.privateKey);
  const msg = reboxProofMessage(cellId, author.signPk, boxPk);
  const body: ReboxBody = {
    type: 'rebox',
    newBoxPk: boxPk,
    proofPk: k.publicKey,
    proof: signDetached(k.privateKey, LABELS.reboxProof, msg),
  };
  return { body, key: { boxPk, boxSk } };
}

let actors: Actor[] = [];
beforeAll(async () => {
  await sodiumReady();
  actors = ['anna', 'chen', 'boris', 'dina'].map((n) => makeActor(n, 'rebox'));
});

function run(seed: number): { destroyed: number; concurrentSeals: number } {
  const rand = prng(seed);
  const [anna, chen, boris, dina] = actors as [Actor, Actor, Actor, Actor];
  const cell = new TestCell(anna);
  cell.join(anna, chen, 'coordinator');
  cell.join(anna, boris);
  cell.join(anna, dina);
  const keys = new Map<string, BoxKey[]>(actors.map((a) => [a.hex, [{ ...a }]]));
  const views = new Map<string, Set<string>>(
    actors.map((a) => [a.hex, new Set(cell.bytes.keys())]),
  );
  const steps = 16 + randInt(rand, 12);
  for (let i = 0; i < steps; i++) {
    const a = pick(rand, actors)!;
    const view = views.get(a.hex)!;
    const mine = cell.roster(view);
    const role = mine.members.get(a.hex)?.role;
    const x = rand();
    if (role === undefined) continue;
    if (x < 0.35) {
      const made = seededRebox(rand, cell.cellId, a);
      const id = cell.op(a, made.body, cell.frontier(view));
      view.add(id);
      const ring = keys.get(a.hex)!;
      ring[ring.length - 1]!.replacedBy = id;
      ring.push(made.key);
    } else if (x < 0.6 && role === 'coordinator') {
      view.add(cell.rotate(a, randBytes(rand, 32), cell.frontier(view)));
    } else if (x < 0.66 && role === 'coordinator') {
      const target = pick(
        rand,
        [...mine.members.values()].filter((m) => m.role !== 'coordinator'),
      );
      if (target)
        view.add(cell.op(a, { type: 'remove', member: target.signPk }, cell.frontier(view)));
    } else {
      for (const id of views.get(pick(rand, actors)!.hex)!) view.add(id);
    }
  }
  const all = [...cell.bytes.keys()];
  const ops = new Map(all.map((id) => [id, cell.get(id)]));
  const r = cell.roster(all);
  // Peers receiving the same ops in other orders compute the same roster.
  for (let p = 0; p < 3; p++) {
    const other = computeRoster(
      shuffle(rand, all).map((id) => cell.get(id)),
      { cellId: cell.cellId },
    );
    expect(rosterDigest(other), `seed ${seed}: peer ${p}`).toBe(rosterDigest(r));
  }
  let destroyed = 0;
  let concurrentSeals = 0;
  for (const [hex, m] of r.members) {
    const ring = keys.get(hex)!;
    // The roster's box key for the member is one it holds: the newest of its counted reboxes.
    expect(
      ring.some((k) => toHex(k.boxPk) === toHex(m.boxPk)),
      `seed ${seed}: box key`,
    ).toBe(true);
    for (let floor = 1; floor <= r.epoch; floor++) {
      const kept = ring.filter(
        (k) => k.replacedBy === undefined || boxKeyNeeded(k.replacedBy, r, ops, floor),
      );
      destroyed += ring.length - kept.length;
      for (const e of r.epochs) {
        if (e.epoch < floor || !e.recipients.includes(hex)) continue;
        const d = decodeRosterOp(cell.get(e.rotateOpId));
        if (!d.ok || d.value.body.type !== 'rotate') throw new Error('rotate');
        const body = d.value.body;
        const opener = kept.find(
          (k) => openEpochWrap(body, cell.cellId, { signPk: m.signPk, ...k }).ok,
        );
        expect(
          opener,
          `seed ${seed}: ${hex.slice(0, 6)} epoch ${e.epoch} floor ${floor}`,
        ).toBeDefined();
        if (opener && toHex(opener.boxPk) !== toHex(m.boxPk)) concurrentSeals++;
      }
    }
  }
  return { destroyed, concurrentSeals };
}

describe('rebox: concurrent reboxes, rotates and removals', () => {
  it(`${SEEDS.length} seeds: peers agree; kept box secrets always open every unforgotten epoch`, () => {
    let destroyed = 0;
    let concurrentSeals = 0;
    for (const seed of SEEDS) {
      const out = run(seed);
      destroyed += out.destroyed;
      concurrentSeals += out.concurrentSeals;
    }
    // The property is not vacuous: old secrets do go, and rotates did seal to older keys.
    if (!process.env.REBOX_SEEDS) {
      expect(destroyed).toBeGreaterThan(0);
      expect(concurrentSeals).toBeGreaterThan(0);
    }
  });
});
