import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bytesEqual,
  concatBytes,
  fromHex,
  labelBytes,
  toHex,
  u32be,
  zeroize,
} from '../../../shared/crypto/bytes.ts';
import { LABELS } from '../../../shared/crypto/labels.ts';

describe('LABELS', () => {
  it('are distinct, versioned, namespaced and fit the one-byte length prefix', () => {
    const values = Object.values(LABELS);
    expect(new Set(values).size).toBe(values.length);
    for (const l of values) {
      expect(l).toMatch(/^quire\/[a-z0-9-]+\/v[0-9]+$/);
      expect(labelBytes(l).length).toBe(1 + Buffer.byteLength(l));
    }
  });

  it('are all listed in docs/PROTOCOL.md', () => {
    const doc = readFileSync(new URL('../../../docs/PROTOCOL.md', import.meta.url), 'utf8');
    // A row of the labels table: | name | `label` | ... (Prettier pads the cells).
    const rows = new Set([...doc.matchAll(/^\| \w+ +\| `([^`]+)` +\|/gm)].map((m) => m[1]));
    const missing = Object.values(LABELS).filter((l) => !rows.has(l));
    expect(missing).toEqual([]);
  });
});

describe('bytes helpers', () => {
  it('labelBytes is the UTF-8 length byte then the label', () => {
    expect(toHex(labelBytes('quire/env/v1'))).toBe(
      '0c' + Buffer.from('quire/env/v1').toString('hex'),
    );
    expect(() => labelBytes('x'.repeat(256))).toThrow(RangeError);
  });

  it('u32be is big-endian and range-checked', () => {
    expect(toHex(u32be(0x01020304))).toBe('01020304');
    expect(toHex(u32be(0xffffffff))).toBe('ffffffff');
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN]) expect(() => u32be(bad)).toThrow(RangeError);
  });

  it('hex round-trips and rejects malformed strings', () => {
    const b = Uint8Array.from([0, 1, 0xab, 0xff]);
    expect(toHex(b)).toBe('0001abff');
    expect(fromHex('0001ABff')).toEqual(b);
    expect(fromHex('abc')).toBeUndefined();
    expect(fromHex('zz')).toBeUndefined();
    expect(fromHex('0x00')).toBeUndefined();
  });

  it('bytesEqual, concatBytes, zeroize', () => {
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 2]))).toBe(true);
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 3]))).toBe(false);
    expect(bytesEqual(Uint8Array.from([1]), Uint8Array.from([1, 0]))).toBe(false);
    expect(
      toHex(concatBytes(Uint8Array.from([1]), new Uint8Array(0), Uint8Array.from([2, 3]))),
    ).toBe('010203');
    const s = Uint8Array.from([9, 9]);
    zeroize(s);
    expect(Array.from(s)).toEqual([0, 0]);
  });
});
