/**
 * A bounds-checked big-endian reader for our binary formats. Every read returns undefined past
 * the end instead of throwing, so decoders turn truncation into a typed 'malformed' result.
 */
export class ByteReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  get remaining(): number {
    return this.data.length - this.offset;
  }

  u8(): number | undefined {
    if (this.remaining < 1) return undefined;
    return this.view.getUint8(this.offset++);
  }

  u16(): number | undefined {
    if (this.remaining < 2) return undefined;
    const v = this.view.getUint16(this.offset, false);
    this.offset += 2;
    return v;
  }

  u32(): number | undefined {
    if (this.remaining < 4) return undefined;
    const v = this.view.getUint32(this.offset, false);
    this.offset += 4;
    return v;
  }

  /** A view of the next `n` bytes (no copy). */
  bytes(n: number): Uint8Array | undefined {
    if (n < 0 || this.remaining < n) return undefined;
    const out = this.data.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  /** Everything not read yet. */
  rest(): Uint8Array {
    const out = this.data.subarray(this.offset);
    this.offset = this.data.length;
    return out;
  }
}
