import type { DecodedEnvelope } from '../envelope/DecodedEnvelope.ts';
import { decodeEnvelope } from '../envelope/decodeEnvelope.ts';
import { decryptEnvelope } from '../envelope/decryptEnvelope.ts';
import { envelopeId } from '../envelope/envelopeId.ts';
import { verifyEnvelopeSignature } from '../envelope/verifyEnvelopeSignature.ts';
import { err, ok, type Result } from '../util/result.ts';
import type { RosterPort } from './RosterPort.ts';
import type { SyncRejection } from './SyncRejection.ts';

export interface OpenContext {
  readonly cellId: Uint8Array;
  readonly epoch: number;
  readonly contentKey: Uint8Array;
  readonly roster: RosterPort;
}

/**
 * The first half of the opening pipeline, in DESIGN order: value type and id -> size cap ->
 * decrypt -> decode -> author may write at this epoch -> signature. Pure: changes no state.
 * (seq, clientID binding and apply follow in the engine.) `decrypted` tells whether the entry
 * came from a holder of the content key, and so is worth keeping for a later roster change.
 */
export function openWireEntry(
  key: string,
  value: unknown,
  ctx: OpenContext,
): Result<DecodedEnvelope, SyncRejection> & { readonly decrypted: boolean } {
  const fail = (reason: SyncRejection, decrypted: boolean) => ({ ...err(reason), decrypted });
  if (!(value instanceof Uint8Array)) return fail('not_bytes', false);
  const plaintext = decryptEnvelope(value, ctx.contentKey, ctx.cellId, ctx.epoch);
  if (!plaintext.ok) return fail(plaintext.error, false);
  // Content addressing: a key that is not the hash of its bytes is someone squatting an id.
  if (envelopeId(value) !== key) return fail('malformed', true);
  const decoded = decodeEnvelope(plaintext.value);
  if (!decoded.ok) return fail(decoded.error, true);
  const allowed = ctx.roster.writeCheck(
    decoded.value.author,
    ctx.epoch,
    decoded.value.kind,
    decoded.value.docId,
  );
  if (allowed !== 'ok') return fail(allowed, true);
  const verified = verifyEnvelopeSignature(decoded.value, ctx.cellId, ctx.epoch);
  if (!verified.ok) return fail(verified.error, true);
  return { ...ok(decoded.value), decrypted: true };
}
