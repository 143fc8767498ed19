import { fromHex } from '../crypto/bytes.ts';
import { decodeEnvelope } from '../envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../envelope/decryptEnvelope.ts';
import { ENVELOPE_KIND } from '../envelope/EnvelopeKind.ts';
import { rosterOpId } from '../roster/rosterOpId.ts';
import type { CellContext } from './CellContext.ts';
import { isForkProofKey } from './forkProof.ts';
import { isForkReleaseKey } from './forkRelease.ts';
import type { WireScope } from './WireScope.ts';

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
 * generation's snapshots do not cover and that was not refused, while its author may still write;
 * each author's newest update of each document even if covered (its head: a peer that missed
 * some of their updates learns it did and judges snapshots by it, judgeSnapshot; two halves of a
 * cell that kept different versions of one seq still meet both envelopes, ForkWatch); a fork
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
  if (meta.kind === ENVELOPE_KIND.update) {
    if (from.status.get(key) === 'rejected') return false;
    // A write applied before this peer learnt that its author may no longer write here (removed,
    // departed): every peer that knows refuses it, and this one does not pass it on either.
    const author = fromHex(meta.authorHex);
    const docId = fromHex(meta.docHex);
    if (!author || !docId) return false;
    const check = ctx.opts.roster.writeCheck(author, from.epoch, ENVELOPE_KIND.update, docId);
    if (check !== 'ok') return false;
    if (meta.seq > to.covered(meta.docHex, meta.authorHex)) return true;
    // An author's newest update goes on even when covered: a peer that missed some of their
    // updates learns from it that it did, and judges snapshots accordingly (judgeSnapshot).
    return ctx.replica(docId).evidence.isLast(meta.authorHex, key);
  }
  if (meta.kind !== ENVELOPE_KIND.roster) return false;
  const opId = rosterOpIdOf(ctx, from, key, bytes);
  if (opId === undefined || to.rosterKeyOf.has(opId)) return false;
  if (!(ctx.opts.roster.carries?.(opId) ?? true)) return false;
  to.noteRosterOp(key, opId);
  return true;
}
