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

/** Encoded labels: a handful of constant strings, encoded on every hash, signature and AEAD. */
const labelCache = new Map<string, Uint8Array>();

/** A label as it enters a hash: its UTF-8 bytes prefixed by their length, so no label is a prefix of another input. */
export function labelBytes(label: string): Uint8Array {
  let cached = labelCache.get(label);
  if (cached === undefined) {
    const l = utf8(label);
    if (l.length > 255) throw new RangeError('label too long');
    cached = concatBytes(new Uint8Array([l.length]), l);
    // Bounded: only callers' label strings (LABELS and a few fixed others) ever reach here.
    if (labelCache.size < 256) labelCache.set(label, cached);
  }
  // A copy: the cached bytes are never handed out, so no caller can change them.
  return cached.slice();
}

/** Constant-time equality for equal-length secrets; false for different lengths. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** '00'..'ff': hex runs several times per envelope (ids, map keys), so no per-byte formatting. */
const HEX_PAIRS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lowercase hex of the bytes. */
export function toHex(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i++) out += HEX_PAIRS[b[i]!]!;
  return out;
}

/** The value of one hex digit's char code, or -1. */
function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 97 && c <= 102) return c - 87; // a-f
  if (c >= 65 && c <= 70) return c - 55; // A-F
  return -1;
}

/** Parses lowercase or uppercase hex; undefined for anything else (odd length, stray characters). */
export function fromHex(s: string): Uint8Array | undefined {
  if (s.length % 2 !== 0) return undefined;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexDigit(s.charCodeAt(i * 2));
    const lo = hexDigit(s.charCodeAt(i * 2 + 1));
    if (hi < 0 || lo < 0) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** Overwrites a secret buffer in place (best effort: JS may hold copies elsewhere). */
export function zeroize(b: Uint8Array): void {
  b.fill(0);
}
