import { decodeEnvelope } from '../envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../envelope/decryptEnvelope.ts';
import type { CellContext, SeenEntry } from './CellContext.ts';
import { signedDigest } from './signedDigest.ts';

/**
 * How an opened envelope relates to the first one kept under its seen key (PROTOCOL §5 step 6):
 * `new` (none yet), `same` (these very bytes again), `copy` (other bytes, the same signed fields:
 * a re-seal under a fresh nonce, a duplicate) or `fork` (other signed fields: equivocation).
 */
export type SeenVerdict = 'new' | 'same' | 'copy' | 'fork';

export function judgeSeen(
  ctx: CellContext,
  prior: SeenEntry | undefined,
  envId: string,
  signed: string,
): SeenVerdict {
  if (prior === undefined) return 'new';
  if (prior.envId === envId) return 'same';
  return (prior.signed ?? priorDigest(ctx, prior.envId)) === signed ? 'copy' : 'fork';
}

/**
 * The signed digest of an envelope accepted without being opened (a snapshot restored from our
 * own checkpoint): opened again from the bytes we hold. Unreadable means "not the same".
 */
function priorDigest(ctx: CellContext, envId: string): string | undefined {
  for (const scope of ctx.scopes.values()) {
    const bytes = scope.kept.get(envId) ?? scope.map.get(envId);
    if (!(bytes instanceof Uint8Array)) continue;
    const plain = decryptEnvelope(bytes, scope.secrets.contentKey, ctx.opts.cellId, scope.epoch);
    if (!plain.ok) continue;
    const decoded = decodeEnvelope(plain.value);
    if (decoded.ok) return signedDigest(decoded.value);
  }
  return undefined;
}
