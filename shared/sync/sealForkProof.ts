import { aeadSeal } from '../crypto/aeadSeal.ts';
import { concatBytes } from '../crypto/bytes.ts';
import { encodeForkSides, forkProofAd, FORK_PROOF_VERSION, type ForkSide } from './forkProof.ts';

/**
 * Seals a fork proof for the wire doc of `epoch` (forkProof.ts): `u8(1) ‖ Seal(contentKey, …)`.
 * `nonce` only from the engine's seeded source in simulations; otherwise a fresh random one.
 */
export function sealForkProof(
  a: ForkSide,
  b: ForkSide,
  contentKey: Uint8Array,
  cellId: Uint8Array,
  epoch: number,
  nonce?: Uint8Array,
): Uint8Array {
  const sealed = aeadSeal(contentKey, encodeForkSides(a, b), forkProofAd(cellId, epoch), nonce);
  return concatBytes(new Uint8Array([FORK_PROOF_VERSION]), sealed);
}
