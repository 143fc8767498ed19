import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';

/** A stable local id for a member's caret (never their wire clientID, which a peer chooses). */
export function pseudoClientId(authorHex: string): number {
  const h = hash(LABELS.clientId, [new TextEncoder().encode(authorHex)], 16);
  return (
    (((h[0] ?? 0) << 23) | ((h[1] ?? 0) << 15) | ((h[2] ?? 0) << 7) | ((h[3] ?? 0) >> 1)) >>> 0
  );
}
