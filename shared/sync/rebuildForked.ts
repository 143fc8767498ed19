import * as Y from 'yjs';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import { seenKey, type CellContext } from './CellContext.ts';
import { dropStructs, type DropRanges } from './dropStructs.ts';
import type { HealRule } from './ForkVersions.ts';
import type { DocCheckpoint } from './SyncStore.ts';

/**
 * A forked document's checkpoint rebuilt (PROTOCOL §5.3): every struct it held except each
 * forking author's from the rule's cut on, plus the canonical version of the forked seq. Every
 * member that holds the same proofs holds the same structs under every id afterwards, so Yjs
 * converges again; honest structs whose origins were in another version either integrate next to
 * the canonical struct at that id or wait in Yjs's pending structs (ParkedStructs) if the id no
 * longer exists. Each author's applied seq drops back to the forked seq: their later updates are
 * opened again (held while the proof stands, applied on top of the canonical after a release).
 */
export function rebuildForked(cp: DocCheckpoint, rules: readonly HealRule[]): DocCheckpoint {
  const cut = new Map<number, { from: number; to: number }>();
  for (const r of rules) for (const [c, range] of r.cut) cut.set(c, range);
  const doc = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(doc, dropStructs(cp.state, cut));
    for (const r of rules) Y.applyUpdate(doc, r.canonical.update);
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
 * Forgets that the forking authors' updates past the forked seq were applied in `docHex` (the
 * rebuild dropped their structs), so a rescan opens them again like new ones.
 */
export function reopenLaterUpdates(
  ctx: CellContext,
  docHex: string,
  rules: readonly HealRule[],
): void {
  for (const scope of ctx.scopes.values()) {
    for (const [key, m] of scope.meta) {
      if (m.docHex !== docHex || m.kind !== ENVELOPE_KIND.update) continue;
      const rule = rules.find((r) => r.authorHex === m.authorHex);
      if (!rule || m.seq <= rule.seq || scope.status.get(key) !== 'applied') continue;
      scope.status.set(key, 'retry');
      ctx.seen.delete(seenKey(m.authorHex, docHex, m.kind, m.seq));
    }
  }
}

/** The ranges of every rule, merged per clientID. */
export function mergedRanges(rules: readonly HealRule[], pick: (r: HealRule) => DropRanges) {
  const out = new Map<number, { from: number; to: number }>();
  for (const r of rules) for (const [c, range] of pick(r)) out.set(c, range);
  return out;
}
