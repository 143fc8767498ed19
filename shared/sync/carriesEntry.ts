import { decodeEnvelope } from '../envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../envelope/decryptEnvelope.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import { rosterOpId } from '../roster/rosterOpId.ts';
import type { CellContext } from './CellContext.ts';
import { isForkProofKey } from './forkProof.ts';
import { isForkReleaseKey } from './forkRelease.ts';
import type { WireScope } from './WireScope.ts';

/** Per scope: the keys of each author's newest applied update per document, and when computed. */
const heads = new WeakMap<WireScope, { version: string; keys: Set<string> }>();

/** Whether `key` is its author's newest applied update in its document within `scope`. */
function isHead(ctx: CellContext, scope: WireScope, key: string): boolean {
  // Recomputed when an entry was kept or anything applied since (a rollover asks once per entry).
  const version = `${scope.meta.size}:${ctx.diagnostics.applied}`;
  let known = heads.get(scope);
  if (known?.version !== version) {
    const best = new Map<string, { key: string; seq: number }>();
    for (const [k, m] of scope.meta) {
      if (m.kind !== ENVELOPE_KIND.update || scope.status.get(k) !== 'applied') continue;
      const id = `${m.docHex}:${m.authorHex}`;
      if ((best.get(id)?.seq ?? 0) < m.seq) best.set(id, { key: k, seq: m.seq });
    }
    known = { version, keys: new Set(Array.from(best.values(), (b) => b.key)) };
    heads.set(scope, known);
  }
  return known.keys.has(key);
}

/** The roster op a kept roster envelope holds (our own envelopes are read back once). */
function rosterOpIdOf(ctx: CellContext, scope: WireScope, key: string, bytes: Uint8Array) {
  const known = scope.rosterOpOf.get(key);
  if (known !== undefined) return known;
  const plaintext = decryptEnvelope(bytes, scope.secrets.contentKey, ctx.opts.cellId, scope.epoch);
  const env = plaintext.ok ? decodeEnvelope(plaintext.value) : undefined;
  if (!env?.ok || env.value.kind !== ENVELOPE_KIND.roster) return undefined;
  const opId = rosterOpId(env.value.body);
  scope.noteRosterOp(key, opId);
  return opId;
}

/**
 * Whether a rollover copies the entry `key` of `from` into `to` (PROTOCOL §8): an update the new
 * generation's snapshots do not cover and that was not refused; each author's newest update we
 * applied in each document even if covered (its head: so two halves of a cell that kept
 * different versions of one seq still meet both envelopes after rollovers, ForkWatch); a fork
 * proof or a coordinator's release we verified (so they outlive the generation); a roster envelope whose op the
 * roster log still holds (the compacted roster: ops refused or dropped stay behind), one per op.
 * Rollover notices and snapshots are never copied. A roster envelope it says yes to is recorded
 * in `to` at once, so a second envelope of the same op is not copied too.
 */
export function carriesEntry(ctx: CellContext, from: WireScope, to: WireScope, key: string) {
  const meta = from.meta.get(key);
  const bytes = from.kept.get(key);
  if (isForkProofKey(key) || isForkReleaseKey(key))
    return bytes !== undefined && from.status.get(key) === 'applied';
  if (!meta || !bytes) return false;
  if (meta.kind === ENVELOPE_KIND.update)
    return (
      from.status.get(key) !== 'rejected' &&
      (meta.seq > to.covered(meta.docHex, meta.authorHex) || isHead(ctx, from, key))
    );
  if (meta.kind !== ENVELOPE_KIND.roster) return false;
  const opId = rosterOpIdOf(ctx, from, key, bytes);
  if (opId === undefined || to.rosterKeyOf.has(opId)) return false;
  if (!(ctx.opts.roster.carries?.(opId) ?? true)) return false;
  to.noteRosterOp(key, opId);
  return true;
}
