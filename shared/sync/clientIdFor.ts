import { u32be } from '../crypto/bytes.ts';
import { hash } from '../crypto/hash.ts';
import { LABELS } from '../crypto/labels.ts';

/**
 * The Yjs clientID an author uses for one editing session of one document: 53 bits of
 * H(author || docId || session). Derived, not chosen, so a receiver can check that every struct
 * in an author's update uses that author's own clientIDs (no writing under someone else's name),
 * and a collision between two honest authors would need a 2^53 search.
 */
export function clientIdFor(author: Uint8Array, docId: Uint8Array, session: number): number {
  const h = hash(LABELS.clientId, [author, docId, u32be(session)], 16);
  let n = (h[0] ?? 0) & 0x1f; // 5 bits
  for (let i = 1; i < 7; i++) n = n * 256 + (h[i] ?? 0); // + 48 bits
  return n;
}
