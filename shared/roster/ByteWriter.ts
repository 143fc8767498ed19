import { concatBytes, u32be, utf8 } from '../crypto/bytes.ts';

/** Append-only byte builder for the roster op codec. Callers validate values before writing. */
export class ByteWriter {
  private readonly parts: Uint8Array[] = [];

  bytes(b: Uint8Array): this {
    this.parts.push(b.slice());
    return this;
  }

  u8(n: number): this {
    return this.bytes(new Uint8Array([n & 0xff]));
  }

  u16(n: number): this {
    return this.bytes(new Uint8Array([(n >>> 8) & 0xff, n & 0xff]));
  }

  u32(n: number): this {
    return this.bytes(u32be(n));
  }

  /** Non-negative safe integer as u64 big-endian. */
  u64(n: number): this {
    const hi = Math.floor(n / 0x100000000);
    return this.u32(hi).u32(n - hi * 0x100000000);
  }

  /** u8 length + UTF-8 bytes; the caller has checked the length bounds. */
  str(s: string): this {
    const b = utf8(s);
    return this.u8(b.length).bytes(b);
  }

  finish(): Uint8Array {
    return concatBytes(...this.parts);
  }
}
