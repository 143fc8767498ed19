import { describe, expect, it } from 'vitest';
import {
  blockSize,
  COVER,
  coverRegions,
  parseCoverRegions,
  regionBox,
} from '../../../shared/images/coverRegions.ts';

const W = 96;
const H = 64;

/** A seeded stand-in for crypto randomness, so two runs can be compared pixel for pixel. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** An RGBA picture whose pixel (x, y) is `f(x, y)` in every channel. */
function picture(f: (x: number, y: number) => number): Uint8ClampedArray {
  const px = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      px.set([f(x, y), f(x, y) ^ 0x55, 255 - f(x, y), 255], i);
    }
  return px;
}

const REGION = { x: 0.25, y: 0.25, width: 0.5, height: 0.5 };

describe('covering regions of a picture', () => {
  it('leaves nothing inside but the rounded block averages and noise', () => {
    // Two different faces with the same block averages: a checkerboard and its inverse (each
    // 16-pixel block holds the same number of 40s and 200s), and a detailed texture vs the same.
    const a = picture((x, y) => ((x + y) % 2 === 0 ? 40 : 200));
    const b = picture((x, y) => ((x + y) % 2 === 0 ? 200 : 40));
    const outsideBefore = a.slice();
    coverRegions(a, W, H, [REGION], seeded(7));
    coverRegions(b, W, H, [REGION], seeded(7));
    const box = regionBox(REGION, W, H);
    if (!box) throw new Error('no box');
    expect(box).toEqual({ x0: 24, y0: 16, x1: 72, y1: 48 });
    // Inside: identical, so nothing of what differed survives.
    for (let y = box.y0; y < box.y1; y++)
      for (let x = box.x0; x < box.x1; x++) {
        const i = (y * W + x) * 4;
        expect([...a.subarray(i, i + 4)]).toEqual([...b.subarray(i, i + 4)]);
      }
    // Outside: untouched.
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        if (x >= box.x0 && x < box.x1 && y >= box.y0 && y < box.y1) continue;
        const i = (y * W + x) * 4;
        expect(a[i]).toBe(outsideBefore[i]);
      }
  });

  it('is coarse: at most blocksAcross blocks across the shorter side, at least minBlockPx', () => {
    expect(blockSize({ x0: 0, y0: 0, x1: 400, y1: 200 })).toBe(200 / COVER.blocksAcross);
    expect(blockSize({ x0: 0, y0: 0, x1: 40, y1: 20 })).toBe(COVER.minBlockPx);
    // Every covered pixel is within the noise of one of COVER.levels levels per channel.
    const px = picture((x, y) => (x * 7 + y * 13) % 256);
    coverRegions(px, W, H, [{ x: 0, y: 0, width: 1, height: 1 }], seeded(3));
    const step = 255 / (COVER.levels - 1);
    for (let i = 0; i < px.length; i += 4) {
      const c = px[i] ?? 0;
      const near = Math.min(
        ...Array.from({ length: COVER.levels }, (_, k) => Math.abs(c - Math.round(k * step))),
      );
      expect(near).toBeLessThanOrEqual(COVER.noise);
    }
  });

  it('changes with the randomness (no fixed pattern to subtract)', () => {
    const one = picture(() => 128);
    const two = picture(() => 128);
    coverRegions(one, W, H, [REGION], seeded(1));
    coverRegions(two, W, H, [REGION], seeded(2));
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(false);
  });

  it('covers at least what was drawn (rounded outwards) and refuses junk regions', () => {
    expect(regionBox({ x: 0.001, y: 0.999, width: 0.002, height: 5 }, W, H)).toEqual({
      x0: 0,
      y0: 63,
      x1: 1,
      y1: 64,
    });
    expect(regionBox({ x: 0.5, y: 0.5, width: 0, height: 0.1 }, W, H)).toBeUndefined();
    expect(
      parseCoverRegions([
        REGION,
        { x: -1, y: 0, width: 1, height: 1 },
        { x: 0, y: 0, width: Number.NaN, height: 1 },
        'x',
        null,
      ]),
    ).toEqual([REGION]);
    expect(parseCoverRegions(new Array(100).fill(REGION))).toHaveLength(COVER.maxRegions);
    expect(parseCoverRegions({ length: 3 })).toEqual([]);
  });
});
