import { envelopeId } from '../envelope/envelopeId.ts';

/**
 * The wire-doc key of an invite-room frame: its content address (32 hex characters). Reuses the
 * envelope id hash (§4): a key is only a dedupe handle that every receiver recomputes, so it needs
 * no label of its own, and identical frames collapse to one entry.
 */
export function inviteFrameKey(frame: Uint8Array): string {
  return envelopeId(frame);
}
