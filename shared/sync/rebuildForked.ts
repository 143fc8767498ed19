import * as Y from 'yjs';
import { decodeEnvelope } from '../envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../envelope/decryptEnvelope.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import { seenKey, type CellContext } from './CellContext.ts';
import { dropStructs, type DropRanges } from './dropStructs.ts';
import type { HealRule } from './ForkVersions.ts';
import type { DocCheckpoint } from './SyncStore.ts';
import { decodeUpdateBody } from './updateBody.ts';
import type { WireScope } from './WireScope.ts';

/**
 * A forked document's checkpoint rebuilt (PROTOCOL §5.3): every struct it held except each
 * forking author's from the rule's cut on, plus the canonical version of the forked seq. Every
 * member that holds the same proofs holds the same structs under every id afterwards, so Yjs
 * converges again; honest structs whose origins were in another version integrate next to the
 * canonical struct at that id, or next to that version's own struct where the canonical does not
 * reach (kept deleted: keepTails). Each author's applied seq drops back to the forked seq: their later updates are
 * opened again (held while the proof stands, applied on top of the canonical after a release).
 */
export function rebuildForked(
  cp: DocCheckpoint,
  rules: readonly HealRule[],
  later: DropRanges,
): DocCheckpoint {
  const cut = new Map(later);
  for (const r of rules)
    for (const [c, range] of r.cut)
      cut.set(c, { from: Math.min(range.from, cut.get(c)?.from ?? Infinity), to: Infinity });
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, dropStructs(cp.state, cut));
    for (const r of rules) {
      Y.applyUpdate(doc, r.canonical.update);
      keepTails(doc, r);
    }
    const applied = { ...cp.applied };
    for (const r of rules) {
      const seq = applied[r.authorHex];
      if (seq !== undefined && seq > r.seq) applied[r.authorHex] = r.seq;
    }
    return { ...cp, state: Y.encodeStateAsUpdate(doc), applied };
  } finally {
    doc.destroy();
  }
}

/**
 * The structs other versions write at clocks the document does not hold yet (past the canonical's
 * end, or under another clientID), added and deleted: honest words typed right after such a
 * version were anchored on them, and would otherwise wait for them for good. In rank order, so
 * every member adds the same structs; the deletions are by id, so every member holds them deleted.
 */
function keepTails(doc: Y.Doc, rule: HealRule): void {
  for (const v of rule.others) {
    const end = Y.encodeStateVector(doc);
    const held = Y.decodeStateVector(end).get(v.client) ?? 0;
    if (held >= v.to) continue;
    Y.applyUpdate(doc, Y.diffUpdate(v.update, end));
    Y.applyUpdate(doc, deletionOf(v.client, Math.max(held, v.from), v.to));
  }
}

/** A Yjs v1 update of no structs that deletes clocks [from, to) of `client`. */
function deletionOf(client: number, from: number, to: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoder.writeLen(0);
  encoder.writeLen(1);
  encoder.resetDsCurVal();
  encoder.writeClient(client);
  encoder.writeLen(1);
  encoder.writeDsClock(from);
  encoder.writeDsLen(to - from);
  return encoder.toUint8Array();
}

/**
 * The forking authors' updates past the forked seq that this member applied in `docHex`: where
 * their structs start (per clientID, cut from there on by the rebuild: other members may hold
 * them back in quarantine), and `reopen`, which forgets they were applied so that a rescan opens
 * them again like new ones (held while the proof stands, applied after a release).
 */
export function laterUpdates(
  ctx: CellContext,
  docHex: string,
  rules: readonly HealRule[],
): { cut: DropRanges; reopen: () => void } {
  const cut = new Map<number, { from: number; to: number }>();
  const keys: { scope: WireScope; key: string; seen: string }[] = [];
  for (const scope of ctx.scopes.values()) {
    for (const [key, m] of scope.meta) {
      if (m.docHex !== docHex || m.kind !== ENVELOPE_KIND.update) continue;
      const rule = rules.find((r) => r.authorHex === m.authorHex);
      if (!rule || m.seq <= rule.seq || scope.status.get(key) !== 'applied') continue;
      keys.push({ scope, key, seen: seenKey(m.authorHex, docHex, m.kind, m.seq) });
      for (const [client, from] of startsOf(ctx, scope, key))
        cut.set(client, { from: Math.min(from, cut.get(client)?.from ?? Infinity), to: Infinity });
    }
  }
  const reopen = () => {
    for (const { scope, key, seen } of keys) {
      scope.status.set(key, 'retry');
      ctx.seen.delete(seen);
    }
  };
  return { cut, reopen };
}

/** Per clientID, the first clock of the update in a kept envelope (we opened it before). */
function startsOf(ctx: CellContext, scope: WireScope, key: string): ReadonlyMap<number, number> {
  const bytes = scope.kept.get(key) ?? scope.map.get(key);
  if (!(bytes instanceof Uint8Array)) return new Map();
  const plain = decryptEnvelope(bytes, scope.secrets.contentKey, ctx.opts.cellId, scope.epoch);
  const env = plain.ok ? decodeEnvelope(plain.value) : undefined;
  const body = env?.ok ? decodeUpdateBody(env.value.body) : undefined;
  if (!body?.ok) return new Map();
  try {
    return Y.parseUpdateMeta(body.value.update).from;
  } catch {
    return new Map();
  }
}

/** The ranges of every rule, merged per clientID. */
export function mergedRanges(rules: readonly HealRule[], pick: (r: HealRule) => DropRanges) {
  const out = new Map<number, { from: number; to: number }>();
  for (const r of rules) for (const [c, range] of pick(r)) out.set(c, range);
  return out;
}
