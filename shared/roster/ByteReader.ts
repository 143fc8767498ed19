import { validateDisplayName } from './validateDisplayName.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bounds-checked reader for the roster op codec. It never throws: a short read or an invalid
 * string marks the reader failed and yields zeros, so decoders check `ok` once at the end.
 */
export class ByteReader {
  private offset = 0;
  private failed = false;

  constructor(private readonly buf: Uint8Array) {}

  /** True while every read so far was in bounds and well formed. */
  get ok(): boolean {
    return !this.failed;
  }

  get remaining(): number {
    return this.buf.length - this.offset;
  }

  /** Marks the input malformed (for checks the reader cannot see, such as an unknown code). */
  fail(): void {
    this.failed = true;
  }

  bytes(n: number): Uint8Array {
    if (this.failed || n < 0 || this.offset + n > this.buf.length) {
      this.failed = true;
      return new Uint8Array(n < 0 ? 0 : n);
    }
    const out = this.buf.slice(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  u8(): number {
    return this.bytes(1)[0] ?? 0;
  }

  u16(): number {
    const b = this.bytes(2);
    return ((b[0] ?? 0) << 8) | (b[1] ?? 0);
  }

  u32(): number {
    const b = this.bytes(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0, false);
  }

  /** Unsigned 64-bit big-endian; values above 2^53 - 1 fail (they would not be exact). */
  u64(): number {
    const hi = this.u32();
    const lo = this.u32();
    if (hi >= 0x200000) {
      this.failed = true;
      return 0;
    }
    return hi * 0x100000000 + lo;
  }

  /** A u8 length then 1..max bytes of UTF-8 that passes validateDisplayName. */
  str(max: number): string {
    const len = this.u8();
    if (len < 1 || len > max) {
      this.failed = true;
      return '';
    }
    const raw = this.bytes(len);
    if (this.failed) return '';
    let s: string;
    try {
      s = strictUtf8.decode(raw);
    } catch {
      this.failed = true;
      return '';
    }
    if (!validateDisplayName(s, max)) this.failed = true;
    return s;
  }
}
