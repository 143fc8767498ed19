/** Properties of the key schedule (its exact bytes are pinned in tests/unit/envelope/vectors/v1.json). */
import { beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../../shared/crypto/bytes.ts';
import {
  deriveEpochSecrets,
  deriveRoomName,
  deriveTransportSecrets,
} from '../../../shared/crypto/deriveEpochSecrets.ts';
import { sodiumReady } from '../../../shared/crypto/sodium.ts';

beforeAll(async () => {
  await sodiumReady();
});

const K = Uint8Array.from({ length: 32 }, (_, i) => i);
const CELL = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);

describe('deriveEpochSecrets', () => {
  it('a relay holding only the transport root computes the same transport secret and rooms', () => {
    const s = deriveEpochSecrets(K, CELL, 7);
    const t = deriveTransportSecrets(s.transportRoot, CELL, 7);
    expect(t.transportSecret).toBe(s.transportSecret);
    expect(t).not.toHaveProperty('contentKey');
    expect(s.transportSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(deriveRoomName(s.transportRoot, CELL, 7, 0)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('every output differs from every other, per epoch, per cell, per generation', () => {
    const a = deriveEpochSecrets(K, CELL, 7);
    const b = deriveEpochSecrets(K, CELL, 8);
    const otherCell = CELL.slice();
    otherCell[0] = 0;
    const c = deriveEpochSecrets(K, otherCell, 7);
    const all = [a, b, c].flatMap((s) => [
      toHex(s.transportRoot),
      s.transportSecret,
      toHex(s.contentKey),
      toHex(s.presenceKey),
    ]);
    all.push(toHex(K));
    expect(new Set(all).size).toBe(all.length);
    const rooms = [0, 1, 2, 2 ** 32 - 1].map((g) => deriveRoomName(a.transportRoot, CELL, 7, g));
    rooms.push(deriveRoomName(b.transportRoot, CELL, 8, 0));
    expect(new Set(rooms).size).toBe(rooms.length);
  });

  it('refuses wrong key or cell id sizes', () => {
    expect(() => deriveEpochSecrets(K.subarray(0, 16), CELL, 0)).toThrow(RangeError);
    expect(() => deriveEpochSecrets(K, CELL.subarray(0, 15), 0)).toThrow(RangeError);
    expect(() => deriveRoomName(K.subarray(0, 31), CELL, 0, 0)).toThrow(RangeError);
    expect(() => deriveEpochSecrets(K, CELL, -1)).toThrow(RangeError);
  });
});
