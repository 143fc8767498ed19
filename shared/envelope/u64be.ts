/** Big-endian unsigned 64-bit integer from a non-negative safe integer (< 2^53). */
export function u64be(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('u64 out of safe range');
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), false);
  return out;
}

/** Reads a big-endian u64; undefined if it does not fit a safe integer (so no precision is lost). */
export function readU64be(view: DataView, offset: number): number | undefined {
  const v = view.getBigUint64(offset, false);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(v);
}
