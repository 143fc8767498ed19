import { describe, expect, it } from 'vitest';
import { ByteReader } from '../../../shared/util/ByteReader.ts';

describe('ByteReader (shared/util)', () => {
  it('reads big-endian integers and says undefined past the end, never throwing', () => {
    const r = new ByteReader(new Uint8Array([1, 0, 2, 0, 0, 0, 3, 9]));
    expect([r.u8(), r.u16(), r.u32()]).toEqual([1, 2, 3]);
    expect(r.u16()).toBeUndefined();
    expect(r.u8()).toBe(9);
    expect([r.u8(), r.u16(), r.u32(), r.u64(), r.bytes(1), r.copy(1)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(r.bytes(-1)).toBeUndefined();
  });

  it('reads a u64 only up to 2^53 - 1', () => {
    const max = new Uint8Array([0, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(new ByteReader(max).u64()).toBe(Number.MAX_SAFE_INTEGER);
    const above = new Uint8Array([0, 0x20, 0, 0, 0, 0, 0, 0]);
    expect(new ByteReader(above).u64()).toBeUndefined();
    expect(new ByteReader(new Uint8Array(7)).u64()).toBeUndefined();
  });

  it('copy() does not alias the input; bytes() is a view', () => {
    const input = new Uint8Array([1, 2, 3, 4]);
    const view = new ByteReader(input).bytes(2);
    const copy = new ByteReader(input).copy(2);
    input[0] = 7;
    expect(view).toEqual(new Uint8Array([7, 2]));
    expect(copy).toEqual(new Uint8Array([1, 2]));
  });

  it('reads length-prefixed strict UTF-8 within a cap', () => {
    const hello = [...new TextEncoder().encode('привет')];
    expect(new ByteReader(new Uint8Array([hello.length, ...hello])).string(1, 64)).toBe('привет');
    expect(new ByteReader(new Uint8Array([0, hello.length, ...hello])).string(2, 64)).toBe(
      'привет',
    );
    expect(new ByteReader(new Uint8Array([hello.length, ...hello])).string(1, 11)).toBeUndefined();
    expect(new ByteReader(new Uint8Array([3, 0x61, 0x62])).string(1, 64)).toBeUndefined();
    expect(new ByteReader(new Uint8Array([2, 0xc3, 0x28])).string(1, 64)).toBeUndefined();
    expect(new ByteReader(new Uint8Array([0])).string(1, 64)).toBe('');
  });
});
