import { bytesEqual } from '../crypto/bytes.ts';
import { ok } from '../util/result.ts';
import { Bitset } from './Bitset.ts';
import { checkAdmitProofs } from './checkAdmitProofs.ts';
import { checkReboxProof } from './checkReboxProof.ts';
import { checkRekeyProof } from './checkRekeyProof.ts';
import { compareBytes } from './compareBytes.ts';
import type { RosterRejection } from './Roster.ts';
import type { AdmitProblem, RosterCache, VerifiedEntry } from './RosterCache.ts';
import type { RosterOp } from './RosterOp.ts';
import { rosterOpId } from './rosterOpId.ts';
import { verifyRosterOp } from './verifyRosterOp.ts';

export interface GraphOp extends RosterOp {
  /** Position in the canonical replay order. */
  readonly index: number;
  /** Longest path from the genesis: a function of the op's causal past only. */
  readonly depth: number;
  /** depth (8 hex digits) || opId: sorting by it is a topological order that any subset shares. */
  readonly orderKey: string;
  /** For an admit or a rekey: what its proof or box key check found wrong, if anything. */
  readonly admitProblem: AdmitProblem;
  readonly headIndexes: readonly number[];
}

export interface OpGraph {
  /** Ops whose whole causal past is held, in canonical order. ops[0] is the genesis if held. */
  readonly ops: readonly GraphOp[];
  /** anc[i]: the strict causal past of ops[i]. */
  readonly anc: readonly Bitset[];
  readonly rejected: RosterRejection[];
  readonly missing: string[];
}

/** Field by field: object spread of a wide object costs microseconds per op in V8. */
function graphOp(
  o: RosterOp,
  index: number,
  depth: number,
  orderKey: string,
  admitProblem: AdmitProblem,
  headIndexes: readonly number[],
): GraphOp {
  return {
    opId: o.opId,
    cellId: o.cellId,
    author: o.author,
    authorHex: o.authorHex,
    heads: o.heads,
    body: o.body,
    subjectHex: o.subjectHex,
    inviteIdHex: o.inviteIdHex,
    recipientsHex: o.recipientsHex,
    signed: o.signed,
    signature: o.signature,
    index,
    depth,
    orderKey,
    admitProblem,
    headIndexes,
  };
}

const orderKeyOf = (depth: number, opId: string): string =>
  depth.toString(16).padStart(8, '0') + opId;

/** The byte-only checks of an admit (join proof), a rekey or a rebox (the new key's proof), once per op. */
function proofs(op: RosterOp): AdmitProblem {
  if (op.body.type === 'admit') return checkAdmitProofs(op.body);
  if (op.body.type === 'rekey') return checkRekeyProof(op.cellId, op.author, op.body);
  if (op.body.type === 'rebox') return checkReboxProof(op.cellId, op.author, op.body);
  return undefined;
}

/** Verification of the bytes, and their opId, from the cache when these exact bytes were seen. */
export function verifyCached(bytes: Uint8Array, cache: RosterCache, cellId: Uint8Array) {
  const known = cache.ids.get(bytes);
  const hit = known === undefined ? undefined : cache.verified.get(known);
  if (known !== undefined && hit && bytesEqual(hit.bytes, bytes)) return { id: known, entry: hit };
  const id = rosterOpId(bytes);
  cache.ids.set(bytes, id);
  const again = cache.verified.get(id);
  if (again && bytesEqual(again.bytes, bytes)) return { id, entry: again };
  const v = verifyRosterOp(bytes, cellId);
  const result: VerifiedEntry['result'] = v.ok
    ? ok({ op: v.value, admitProblem: proofs(v.value) })
    : v;
  const entry: VerifiedEntry = { bytes: bytes.slice(), result };
  cache.verified.set(id, entry);
  return { id, entry };
}

/**
 * Dedupes and verifies the input, then places every op whose heads are all held (Kahn's
 * algorithm, no recursion) and orders them by (depth, opId). Ops with an absent head wait.
 */
export function buildOpGraph(
  cellId: Uint8Array,
  input: Iterable<Uint8Array>,
  cache: RosterCache,
): OpGraph {
  const distinct = new Map<string, VerifiedEntry>();
  for (const bytes of input) {
    const { id, entry } = verifyCached(bytes, cache, cellId);
    const seen = distinct.get(id);
    // One opId, several byte strings: a format-2 rotate with and without its wraps (the id stops
    // at the signature), or bytes that merely share that prefix (junk after a real signature).
    // A copy that verifies wins over one that does not; else a deterministic one.
    const better =
      !seen ||
      (entry.result.ok && !seen.result.ok) ||
      (entry.result.ok === seen.result.ok && compareBytes(entry.bytes, seen.bytes) < 0);
    if (better) distinct.set(id, entry);
  }
  const rejected: RosterRejection[] = [];
  const verified = new Map<string, { op: RosterOp; admitProblem: AdmitProblem }>();
  for (const [id, { result }] of distinct) {
    if (result.ok) verified.set(id, result.value);
    else rejected.push({ opId: id, reason: result.error });
  }
  const missing = new Set<string>();
  const waiting = new Map<string, number>();
  const children = new Map<string, string[]>();
  const ready: string[] = [];
  for (const [id, { op }] of verified) {
    waiting.set(id, op.heads.length);
    if (op.heads.length === 0) ready.push(id);
    for (const h of op.heads) {
      if (!distinct.has(h)) missing.add(h);
      const list = children.get(h);
      if (list) list.push(id);
      else children.set(h, [id]);
    }
  }
  const depth = new Map<string, number>();
  for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
    const op = verified.get(next)?.op;
    if (!op) continue;
    let d = 0;
    for (const h of op.heads) d = Math.max(d, (depth.get(h) ?? 0) + 1);
    depth.set(next, d);
    for (const child of children.get(next) ?? []) {
      const left = (waiting.get(child) ?? 0) - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  for (const id of verified.keys())
    if (!depth.has(id)) rejected.push({ opId: id, reason: 'missing_heads' });

  const placed = [...depth.entries()]
    .map(([id, d]) => ({ id, d, key: orderKeyOf(d, id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const indexOf = new Map(placed.map((p, i) => [p.id, i]));
  const ops: GraphOp[] = [];
  const anc: Bitset[] = [];
  for (const [index, p] of placed.entries()) {
    const v = verified.get(p.id);
    if (!v) continue;
    const headIndexes = v.op.heads.map((h) => indexOf.get(h) ?? -1);
    const set = new Bitset(placed.length);
    for (const h of headIndexes) {
      const parent = anc[h];
      if (!parent) continue;
      set.union(parent);
      set.add(h);
    }
    ops.push(graphOp(v.op, index, p.d, p.key, v.admitProblem, headIndexes));
    anc.push(set);
  }
  return { ops, anc, rejected, missing: [...missing].sort() };
}
