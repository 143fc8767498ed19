/**
 * Appends big-endian fields into a growing buffer. Callers encode values they have validated, so
 * an out-of-range value is a programming error and throws RangeError (never silently truncated).
 */
export class ByteWriter {
  private buf = new Uint8Array(64);
  private length = 0;

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  u8(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xff) throw new RangeError('u8 out of range');
    this.ensure(1);
    this.buf[this.length++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new RangeError('u16 out of range');
    this.ensure(2);
    new DataView(this.buf.buffer).setUint16(this.length, v, false);
    this.length += 2;
    return this;
  }

  u32(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError('u32 out of range');
    this.ensure(4);
    new DataView(this.buf.buffer).setUint32(this.length, v, false);
    this.length += 4;
    return this;
  }

  /** A non-negative safe integer as 8 bytes, big-endian. */
  u64(v: number): this {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError('u64 out of safe range');
    const hi = Math.floor(v / 0x100000000);
    return this.u32(hi).u32(v - hi * 0x100000000);
  }

  /** u8 length || UTF-8 bytes (at most 255 bytes). */
  str(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.u8(b.length).bytes(b);
  }

  /** u16 length || UTF-8 bytes (at most 65,535 bytes). */
  string16(s: string): this {
    const b = new TextEncoder().encode(s);
    return this.u16(b.length).bytes(b);
  }

  bytes(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}
