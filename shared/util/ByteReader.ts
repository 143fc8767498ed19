const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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

  /** A u64 that fits a safe integer; undefined past the end or above 2^53 − 1. */
  u64(): number | undefined {
    if (this.remaining < 8) return undefined;
    const v = this.view.getBigUint64(this.offset, false);
    this.offset += 8;
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(v);
  }

  /** A view of the next `n` bytes (no copy). */
  bytes(n: number): Uint8Array | undefined {
    if (n < 0 || this.remaining < n) return undefined;
    const out = this.data.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  /** A copy of the next `n` bytes: decoded values that outlive the input never alias it. */
  copy(n: number): Uint8Array | undefined {
    return this.bytes(n)?.slice();
  }

  /**
   * A length-prefixed string: a u8 or u16 length of at most `maxBytes`, then strict UTF-8.
   * Undefined if truncated, longer than `maxBytes` or not valid UTF-8.
   */
  string(lengthBytes: 1 | 2, maxBytes: number): string | undefined {
    const n = lengthBytes === 1 ? this.u8() : this.u16();
    if (n === undefined || n > maxBytes) return undefined;
    const bytes = this.bytes(n);
    if (bytes === undefined) return undefined;
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return undefined;
    }
  }

  /** Everything not read yet. */
  rest(): Uint8Array {
    const out = this.data.subarray(this.offset);
    this.offset = this.data.length;
    return out;
  }
}
