const encoder = new TextEncoder();

/** UTF-8 bytes of a string (labels, ids). */
export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** Concatenates byte arrays into one new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Big-endian unsigned 32-bit integer. */
export function u32be(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError('u32 out of range');
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n, false);
  return out;
}

/** A label as it enters a hash: its UTF-8 bytes prefixed by their length, so no label is a prefix of another input. */
export function labelBytes(label: string): Uint8Array {
  const l = utf8(label);
  if (l.length > 255) throw new RangeError('label too long');
  return concatBytes(new Uint8Array([l.length]), l);
}

/** Constant-time equality for equal-length secrets; false for different lengths. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export const toHex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Parses lowercase or uppercase hex; undefined for anything else (odd length, stray characters). */
export function fromHex(s: string): Uint8Array | undefined {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) return undefined;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Overwrites a secret buffer in place (best effort: JS may hold copies elsewhere). */
export function zeroize(b: Uint8Array): void {
  b.fill(0);
}
