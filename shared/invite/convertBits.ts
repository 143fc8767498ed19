/**
 * Regroups a sequence of `from`-bit values into `to`-bit values (BIP-173 convertbits). With
 * `pad`, the last group is zero-filled; without it, leftover bits must be fewer than `from` and
 * all zero, so every byte string has exactly one encoding. Undefined on any violation.
 */
export function convertBits(
  data: ArrayLike<number>,
  from: number,
  to: number,
  pad: boolean,
): number[] | undefined {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxOut = (1 << to) - 1;
  for (let i = 0; i < data.length; i++) {
    const v = data[i] ?? -1;
    if (v < 0 || v >> from !== 0) return undefined;
    acc = ((acc << from) | v) & 0xffffff;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >> bits) & maxOut);
    }
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxOut);
  } else if (bits >= from || ((acc << (to - bits)) & maxOut) !== 0) {
    return undefined;
  }
  return out;
}
