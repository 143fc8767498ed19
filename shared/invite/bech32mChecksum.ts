/**
 * The BIP-350 (bech32m) checksum: a BCH code over GF(32) whose generator has degree 6, so any error
 * confined to 6 consecutive characters (every single substitution, every adjacent swap) is
 * detected at any length, any 4 substitutions are detected in strings up to 89 characters, and a
 * random error slips through with probability about 2^-30. bech32m's constant also closes bech32's
 * insertion/deletion weakness next to a trailing "p".
 */

/** bech32 data alphabet: no 1, b, i, o (look-alikes of l, 8, l, 0). */
export const BECH32_ALPHABET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3] as const;
const BECH32M_CONST = 0x2bc830a3;

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i] ?? 0;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const high: number[] = [];
  const low: number[] = [];
  for (let i = 0; i < hrp.length; i++) {
    const c = hrp.charCodeAt(i);
    high.push(c >>> 5);
    low.push(c & 31);
  }
  return [...high, 0, ...low];
}

/** The 6 checksum symbols for `data` (5-bit values) under the lower-case human-readable part `hrp`. */
export function bech32mChecksum(hrp: string, data: readonly number[]): number[] {
  const mod = polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ BECH32M_CONST;
  return [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
}

/** True if `dataWithChecksum` (5-bit values, checksum last) is a valid bech32m string under `hrp`. */
export function bech32mVerify(hrp: string, dataWithChecksum: readonly number[]): boolean {
  return polymod([...hrpExpand(hrp), ...dataWithChecksum]) === BECH32M_CONST;
}
