/** Thrown by ByteReader only; decoders catch it at their boundary and return 'malformed'. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Sequential big-endian reads over untrusted bytes. Every read checks the remaining length first;
 * byte strings are returned as copies so that decoded values never alias the input buffer.
 */
export class ByteReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly input: Uint8Array) {
    this.view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  }

  get remaining(): number {
    return this.input.length - this.offset;
  }

  u8(): number {
    return this.view.getUint8(this.advance(1));
  }

  u16(): number {
    return this.view.getUint16(this.advance(2), false);
  }

  u32(): number {
    return this.view.getUint32(this.advance(4), false);
  }

  /** A u64 that must fit a safe integer. */
  u64(): number {
    const v = this.view.getBigUint64(this.advance(8), false);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new DecodeError('u64 beyond 2^53');
    return Number(v);
  }

  bytes(n: number): Uint8Array {
    const start = this.advance(n);
    return this.input.slice(start, start + n);
  }

  /** u16 length (at most `maxBytes`) || strict UTF-8. */
  string16(maxBytes: number): string {
    const n = this.u16();
    if (n > maxBytes) throw new DecodeError('string too long');
    try {
      return strictUtf8.decode(this.bytes(n));
    } catch {
      throw new DecodeError('invalid UTF-8');
    }
  }

  /** Throws unless every byte has been read: trailing bytes are never ignored. */
  end(): void {
    if (this.remaining !== 0) throw new DecodeError('trailing bytes');
  }

  private advance(n: number): number {
    if (!Number.isInteger(n) || n < 0 || n > this.remaining) throw new DecodeError('truncated');
    const start = this.offset;
    this.offset += n;
    return start;
  }
}
