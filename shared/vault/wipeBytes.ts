/**
 * Zeroes a buffer that may have been transferred to a worker meanwhile: filling a detached
 * buffer throws a TypeError in V8, and a zeroing step must never turn a success into a failure.
 */
export function wipeBytes(b: Uint8Array): void {
  if (b.buffer.byteLength === 0) return; // detached (or empty): nothing left here to zero
  try {
    b.fill(0);
  } catch {
    // detached between the check and the fill: nothing left to zero
  }
}
