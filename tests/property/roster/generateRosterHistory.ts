/**
 * Random concurrent roster histories for the property tests: 3-6 actors each hold a view (a
 * down-closed set of ops), now and then merge another actor's view, and author an op on their
 * frontier. Coordinators mostly do plausible governance; everyone sometimes tries what they may
 * not (removed actors keep writing, members try governance, bad join proofs, expired admits).
 * Everything derives from the seed.
 */
import { fromHex, toHex } from '../../../shared/crypto/bytes.ts';
import { computeRoster } from '../../../shared/roster/computeRoster.ts';
import { createGenesisOp } from '../../../shared/roster/createGenesisOp.ts';
import { createRosterOp } from '../../../shared/roster/createRosterOp.ts';
import type { Roster } from '../../../shared/roster/Roster.ts';
import type { RosterCache, VerifiedEntry } from '../../../shared/roster/RosterCache.ts';
import {
  WRAP_SEALED_BYTES,
  type Role,
  type RosterOpBody,
} from '../../../shared/roster/RosterOp.ts';
import { joinProof, makeActor, rekeyProof, type Actor } from '../../unit/roster/rosterFixture.ts';

export interface GenOp {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly author: string;
  readonly heads: readonly string[];
  readonly body: RosterOpBody;
}

export interface History {
  readonly cellId: Uint8Array;
  readonly genesisId: string;
  readonly ops: readonly GenOp[];
  readonly byId: ReadonlyMap<string, GenOp>;
}

/** mulberry32 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const randInt = (rand: Rand, n: number): number => Math.floor(rand() * n);
export const pick = <T>(rand: Rand, xs: readonly T[]): T | undefined =>
  xs[randInt(rand, xs.length)];
export const randBytes = (rand: Rand, n: number): Uint8Array =>
  Uint8Array.from({ length: n }, () => randInt(rand, 256));

export function shuffle<T>(rand: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randInt(rand, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Verification results and opIds: pure functions of the bytes, safe to share between peers. */
export interface SharedChecks {
  readonly verified: Map<string, VerifiedEntry>;
  readonly ids: WeakMap<Uint8Array, string>;
}

export const sharedChecks = (): SharedChecks => ({ verified: new Map(), ids: new WeakMap() });

/** A cache that shares only SharedChecks: every replay decision is made afresh. */
export function cacheWith(cellId: Uint8Array, shared: SharedChecks): RosterCache {
  return { cellIdHex: toHex(cellId), ...shared, past: new Map(), after: new Map() };
}

/**
 * What `me` does next, given its own view. Coordinators mostly govern plausibly; members mostly
 * rename, sometimes leave, sometimes try governance they are not entitled to.
 */
function chooseBody(
  rand: Rand,
  me: Actor,
  actors: readonly Actor[],
  local: Roster,
  step: number,
): RosterOpBody | undefined {
  const role = local.members.get(me.hex)?.role;
  const others = [...local.members.keys()].filter((k) => k !== me.hex);
  const outsider = pick(
    rand,
    actors.filter(
      (a) => !local.members.has(a.hex) && !local.removed.has(a.hex) && !local.left.has(a.hex),
    ),
  );
  const open = [...local.invites].filter(([, inv]) => inv.status === 'open');
  const invite = pick(rand, open);
  const keyOf = (hex: string) => actors.find((a) => a.hex === hex)!.signPk;
  const coordinators = [...local.members.values()].filter((m) => m.role === 'coordinator').length;
  const governs = role === 'coordinator' || rand() < 0.25;
  const r = rand();
  if (governs && invite && outsider && r < 0.35) {
    const inviteId = fromHex(invite[0])!;
    const prover = rand() < 0.05 ? pick(rand, actors)! : outsider;
    return {
      type: 'admit',
      inviteId,
      memberSignPk: outsider.signPk,
      memberBoxPk: outsider.boxPk,
      pseudonym: outsider.name,
      role: rand() < 0.05 ? pick(rand, ROLES)! : invite[1].role,
      historyAccess: rand() < 0.5,
      admittedAt: rand() < 0.08 ? EXPIRES + 1 : EXPIRES - 1,
      joinProof: joinProof(prover, inviteId, outsider.name),
    };
  }
  if (governs && outsider && open.length < 2 && r < 0.55)
    return {
      type: 'invite',
      inviteId: randBytes(rand, 32),
      role: pick(rand, ROLES)!,
      expiresAt: EXPIRES,
    };
  if (governs && others.length && r < 0.62)
    return { type: 'remove', member: keyOf(pick(rand, others)!) };
  if (governs && r < 0.72) {
    const target = rand() < 0.8 ? pick(rand, others) : me.hex;
    if (target) return { type: 'set-role', member: keyOf(target), role: pick(rand, ROLES)! };
  }
  if (governs && r < 0.85) {
    const wraps = [...local.members.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, m]) => ({
        recipient: keyOf(k),
        kind: m.role === 'relay' ? ('relay' as const) : ('member' as const),
        sealed: randBytes(rand, WRAP_SEALED_BYTES),
      }));
    if (wraps.length) return { type: 'rotate', newEpoch: Math.max(1, local.epoch + 1), wraps };
  }
  if (governs && invite && r < 0.9) return { type: 'revoke-invite', inviteId: fromHex(invite[0])! };
  const mayLeave = role !== 'coordinator' || coordinators > 1 || rand() < 0.1;
  return mayLeave && rand() < 0.12
    ? { type: 'leave' }
    : { type: 'rename', pseudonym: `${me.name}-${step}` };
}

const ROLES: readonly Role[] = ['coordinator', 'coordinator', 'member', 'reader', 'relay'];
const EXPIRES = 1_000_000;

export function generateRosterHistory(
  seed: number,
  pool: readonly Actor[],
  shared: SharedChecks,
): History {
  const rand = prng(seed);
  const actors = pool.slice(0, 3 + randInt(rand, 4));
  const creator = actors[0]!;
  const salt = randBytes(rand, 16);
  const g = createGenesisOp(creator, 'a0', 'Cell', salt);
  if (!g.ok) throw new Error(g.error);
  const cellId = g.value.cellId;
  const byId = new Map<string, GenOp>();
  const ops: GenOp[] = [];
  const add = (op: GenOp) => {
    byId.set(op.id, op);
    ops.push(op);
  };
  add({
    id: g.value.opId,
    bytes: g.value.bytes,
    author: creator.hex,
    heads: [],
    body: { type: 'genesis', salt, boxPk: creator.boxPk, pseudonym: 'a0', cellName: 'Cell' },
  });
  // Bootstrap, linear: the creator admits most actors (the first as a second coordinator) and
  // everyone syncs, so that the concurrent phase has several coordinators to race.
  let last = g.value.opId;
  const linear = (author: Actor, body: RosterOpBody) => {
    const made = createRosterOp(cellId, author, [last], body);
    if (!made.ok) throw new Error(`seed ${seed}: ${made.error}`);
    add({ id: made.value.opId, bytes: made.value.bytes, author: author.hex, heads: [last], body });
    last = made.value.opId;
  };
  for (const [i, joiner] of actors.entries()) {
    if (i === 0 || (i > 1 && rand() < 0.25)) continue;
    const inviteId = randBytes(rand, 32);
    const role = i === 1 ? 'coordinator' : pick(rand, ROLES)!;
    linear(creator, { type: 'invite', inviteId, role, expiresAt: EXPIRES });
    linear(creator, {
      type: 'admit',
      inviteId,
      memberSignPk: joiner.signPk,
      memberBoxPk: joiner.boxPk,
      pseudonym: joiner.name,
      role,
      historyAccess: false,
      admittedAt: 0,
      joinProof: joinProof(joiner, inviteId, joiner.name),
    });
  }
  const views = actors.map(() => new Set<string>(ops.map((op) => op.id)));
  const caches = actors.map(() => cacheWith(cellId, shared));
  const steps = 14 + randInt(rand, 10);
  for (let step = 0; step < steps; step++) {
    const ai = randInt(rand, actors.length);
    const me = actors[ai]!;
    const view = views[ai]!;
    if (rand() < 0.35 || view.size === 0)
      for (const id of views[randInt(rand, actors.length)]!) view.add(id);
    if (view.size === 0) continue;
    const local = computeRoster(
      [...view].map((id) => byId.get(id)!.bytes),
      { cellId, cache: caches[ai]! },
    );
    // Outsiders and the departed mostly stay quiet; now and then they try anyway.
    if (!local.members.has(me.hex) && rand() < 0.8) continue;
    // Now and then someone re-keys: the new keys get their own actor (and a copy of the view);
    // the old actor stays, holding the old key without having seen the rekey: the thief's copy
    // of an imaged device, which may race with ops or a rekey of its own.
    const next = rand() < 0.08 ? makeActor(`${me.name}~${step}`, `rekey-${seed}`) : undefined;
    const body = next
      ? ({
          type: 'rekey',
          newSignPk: next.signPk,
          newBoxPk: next.boxPk,
          proof: rekeyProof(cellId, me, next, rand() < 0.05 ? me : next),
        } as const)
      : chooseBody(rand, me, actors, local, step);
    if (!body) continue;
    const referenced = new Set([...view].flatMap((id) => byId.get(id)!.heads));
    const heads = [...view].filter((id) => !referenced.has(id)).slice(0, 32);
    const made = createRosterOp(cellId, me, heads, body);
    if (!made.ok) throw new Error(`seed ${seed}: ${made.error} ${made.detail ?? ''}`);
    add({ id: made.value.opId, bytes: made.value.bytes, author: me.hex, heads, body });
    if (!next) view.add(made.value.opId);
    else {
      actors.push(next);
      views.push(new Set([...view, made.value.opId]));
      caches.push(cacheWith(cellId, shared));
    }
  }
  return { cellId, genesisId: g.value.opId, ops, byId };
}
