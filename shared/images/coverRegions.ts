/**
 * Covering parts of a picture (faces, tattoos, signs) before it enters the cell, so that what was
 * there cannot be recovered. A Gaussian blur or a fine mosaic can be partly undone (deblurring,
 * or matching candidate faces against the mosaic), so each region becomes a coarse mosaic: at
 * most COVER.blocksAcross blocks across its shorter side, each block one colour, its average
 * rounded to COVER.levels levels per channel, then per-pixel random noise. The covered pixels
 * depend on the original only through those rounded block averages (a few colours per region),
 * and on randomness; nothing finer survives.
 */
export interface CoverRegion {
  /** Left, top, width and height as fractions (0–1) of the picture's width and height. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const COVER = {
  maxRegions: 32,
  blocksAcross: 4,
  /** Blocks are never smaller than this, in pixels of the stored picture. */
  minBlockPx: 16,
  levels: 6,
  /** Each channel of each covered pixel moves by up to ± this, at random. */
  noise: 24,
} as const;

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** A region in pixels, rounded outwards (never covering less than the member drew), clipped. */
export function regionBox(region: CoverRegion, width: number, height: number): Box | undefined {
  const x0 = Math.floor(clamp01(region.x) * width);
  const y0 = Math.floor(clamp01(region.y) * height);
  const x1 = Math.ceil(clamp01(region.x + region.width) * width);
  const y1 = Math.ceil(clamp01(region.y + region.height) * height);
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : undefined;
}

/** The block size (pixels) used for a region of this size. */
export const blockSize = (box: Box): number =>
  Math.max(
    COVER.minBlockPx,
    Math.ceil(Math.min(box.x1 - box.x0, box.y1 - box.y0) / COVER.blocksAcross),
  );

const quantise = (v: number): number => {
  const step = 255 / (COVER.levels - 1);
  return Math.round(Math.round(v / step) * step);
};

/**
 * Covers each region of an RGBA picture in place (`px` as from getImageData). `random` gives
 * numbers in [0, 1) (crypto-backed in the sanitiser; fixed in tests). Alpha becomes opaque.
 */
export function coverRegions(
  px: Uint8ClampedArray,
  width: number,
  height: number,
  regions: readonly CoverRegion[],
  random: () => number,
): void {
  for (const region of regions.slice(0, COVER.maxRegions)) {
    const box = regionBox(region, width, height);
    if (!box) continue;
    const size = blockSize(box);
    for (let by = box.y0; by < box.y1; by += size) {
      for (let bx = box.x0; bx < box.x1; bx += size) {
        const block = {
          x0: bx,
          y0: by,
          x1: Math.min(bx + size, box.x1),
          y1: Math.min(by + size, box.y1),
        };
        const colour = blockAverage(px, width, block).map(quantise);
        for (let y = block.y0; y < block.y1; y++) {
          for (let x = block.x0; x < block.x1; x++) {
            const i = (y * width + x) * 4;
            for (let c = 0; c < 3; c++) {
              const noise = Math.floor(random() * (2 * COVER.noise + 1)) - COVER.noise;
              px[i + c] = (colour[c] ?? 0) + noise;
            }
            px[i + 3] = 255;
          }
        }
      }
    }
  }
}

function blockAverage(px: Uint8ClampedArray, width: number, b: Box): number[] {
  const sum = [0, 0, 0];
  for (let y = b.y0; y < b.y1; y++) {
    for (let x = b.x0; x < b.x1; x++) {
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (px[i + c] ?? 0);
    }
  }
  const n = (b.x1 - b.x0) * (b.y1 - b.y0);
  return sum.map((s) => s / n);
}

/** Regions as a peer or the page sent them: at most maxRegions, numbers in range, else dropped. */
export function parseCoverRegions(value: unknown): CoverRegion[] {
  if (!Array.isArray(value)) return [];
  const out: CoverRegion[] = [];
  for (const item of value.slice(0, COVER.maxRegions)) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    const [x, y, w, h] = [r['x'], r['y'], r['width'], r['height']];
    const fine = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
    if (fine(x) && fine(y) && fine(w) && fine(h) && w > 0 && h > 0)
      out.push({ x, y, width: w, height: h });
  }
  return out;
}
