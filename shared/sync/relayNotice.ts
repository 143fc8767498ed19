import { envelopeId } from '../envelope/envelopeId.ts';

/**
 * Rotation notices for blind relays (docs/RELAY.md): a relay cannot read the `rotate` op, so the
 * coordinator who rotates also puts each relay's sealed wrap (the rotate op's own relay wrap:
 * crypto_box_seal to the relay's box key of the new epoch's transport root) into the OLD epoch's
 * current wire doc under `relay/<content id>`. Members keep and re-serve these entries but never
 * open them; a relay tries to open every one with its box key.
 */
export const RELAY_NOTICE_PREFIX = 'relay/';

/** A sealed epoch wrap is 121 bytes; anything much larger is not a notice. */
export const RELAY_NOTICE_MAX_BYTES = 256;

/** Notices a member keeps per wire doc (one per relay per rotation; junk beyond this is dropped). */
export const MAX_RELAY_NOTICES_PER_SCOPE = 64;

/** The wire-doc key of a notice: content-addressed, so nobody can overwrite one with other bytes. */
export const relayNoticeKey = (sealed: Uint8Array): string =>
  RELAY_NOTICE_PREFIX + envelopeId(sealed);

export const isRelayNoticeKey = (key: string): boolean => key.startsWith(RELAY_NOTICE_PREFIX);

/** A well-formed notice entry: bytes of notice size under their own content id. */
export function isRelayNotice(key: string, value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array &&
    value.length > 0 &&
    value.length <= RELAY_NOTICE_MAX_BYTES &&
    relayNoticeKey(value) === key
  );
}
