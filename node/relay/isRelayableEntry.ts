import {
  ENVELOPE_VERSION,
  ENVELOPE_OVERHEAD_BYTES,
  MAX_SEALED_ENVELOPE_BYTES,
  MIN_PADDED_BYTES,
} from '../../shared/envelope/envelopeFormat.ts';
import { envelopeId } from '../../shared/envelope/envelopeId.ts';
import { padmeLength } from '../../shared/envelope/padmeLength.ts';
import { isRelayNotice, isRelayNoticeKey } from '../../shared/sync/relayNotice.ts';

const ENV_ID = /^[0-9a-f]{32}$/;

/**
 * What a blind relay can check of a wire entry without any key: a sealed envelope of a size the
 * padding can produce, with the right version byte, under its own content id; or a rotation
 * notice under its own id. Anything else is junk: served while it sits in the doc, never stored.
 */
export function isRelayableEntry(key: string, value: unknown): value is Uint8Array {
  if (!(value instanceof Uint8Array)) return false;
  if (isRelayNoticeKey(key)) return isRelayNotice(key, value);
  if (!ENV_ID.test(key) || value.length > MAX_SEALED_ENVELOPE_BYTES) return false;
  const padded = value.length - ENVELOPE_OVERHEAD_BYTES;
  if (padded < MIN_PADDED_BYTES || padmeLength(padded) !== padded) return false;
  return value[0] === ENVELOPE_VERSION && envelopeId(value) === key;
}
