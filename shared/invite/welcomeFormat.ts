import { MAX_OP_BYTES, OP_ID_BYTES } from '../roster/RosterOp.ts';

/**
 * Welcome v1 (docs/PROTOCOL.md, "Invites"):
 *   sealed = crypto_box_seal(pad(signed), joinerBoxPk)
 *   signed = version u8 || coordinatorSignPk (32) || body || signature (64)
 *   signature = Ed25519(LABELS.welcome, version || inviteId || coordinatorSignPk || body)
 * Padding is ISO/IEC 7816-4 to Padmé(length + 1), at least 1 KiB.
 */
export const WELCOME_VERSION = 1;
export const WELCOME_VARIANT = { member: 1, relay: 2 } as const;
/** Roster op ids are 16 bytes on the wire, lowercase hex in memory (shared/roster/rosterOpId.ts). */
export const ADMIT_OP_ID_BYTES = OP_ID_BYTES;
export const MIN_WELCOME_PADDED_BYTES = 1024;
/** crypto_box_seal overhead: ephemeral public key (32) + Poly1305 tag (16). */
export const BOX_SEAL_OVERHEAD = 48;
/** A sealed welcome above this is refused before any decryption. */
export const MAX_WELCOME_SEALED_BYTES = 4 * 1024 * 1024;

export const MAX_EPOCH_ENTRIES = 4096;
export const MAX_ROSTER_OPS = 16384;
export const MAX_ROSTER_OP_BYTES = MAX_OP_BYTES;
export const MAX_CONFIG_URLS = 8;
export const MAX_ICE_SERVERS = 8;
export const MAX_ICE_URLS = 4;
export const MAX_ICE_URL_CHARS = 256;
export const MAX_ICE_CREDENTIAL_CHARS = 256;
