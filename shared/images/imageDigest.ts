import { toHex } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';

/**
 * The digest an image document's header records of its bytes (BLAKE2b-256 under its own label,
 * like every hash in Quire), as hex: a receiver shows the image only if the chunks it holds hash
 * to it.
 */
export const imageDigest = (bytes: Uint8Array): string => toHex(hash(LABELS.imageDigest, [bytes]));
