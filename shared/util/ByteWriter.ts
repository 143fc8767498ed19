/** Appends big-endian fields into a growing buffer; the counterpart of ByteReader. */
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
