import { concatBytes, utf8 } from '../crypto/bytes.ts';

/**
 * Appends big-endian integers and byte strings. Writers encode values their callers have already
 * validated, so an out-of-range value is a programming error and throws RangeError.
 */
export class ByteWriter {
  private readonly parts: Uint8Array[] = [];

  u8(n: number): this {
    return this.uint(n, 1);
  }

  u16(n: number): this {
    return this.uint(n, 2);
  }

  u32(n: number): this {
    return this.uint(n, 4);
  }

  /** A non-negative safe integer as 8 bytes. */
  u64(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('u64 out of safe range');
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(n), false);
    this.parts.push(b);
    return this;
  }

  bytes(b: Uint8Array): this {
    this.parts.push(b);
    return this;
  }

  /** u16 length || UTF-8 bytes. */
  string16(s: string): this {
    const b = utf8(s);
    return this.u16(b.length).bytes(b);
  }

  finish(): Uint8Array {
    return concatBytes(...this.parts);
  }

  private uint(n: number, size: 1 | 2 | 4): this {
    if (!Number.isInteger(n) || n < 0 || n >= 2 ** (8 * size))
      throw new RangeError(`u${8 * size} out of range`);
    const b = new Uint8Array(size);
    const view = new DataView(b.buffer);
    if (size === 1) view.setUint8(0, n);
    else if (size === 2) view.setUint16(0, n, false);
    else view.setUint32(0, n, false);
    this.parts.push(b);
    return this;
  }
}
