import { describe, expect, it } from 'vitest';
import { PRINT_PPI, printImageSize, printWidthMm } from '../../../shared/export/printImageSize.ts';

const ppiAt = (layout: Parameters<typeof printWidthMm>[0], w: number, h: number): number =>
  printImageSize(layout, w, h).width / (printWidthMm(layout, w, h) / 25.4);

describe('pictures redrawn at print size', () => {
  it('prints a stored 1600 × 1200 photo at no more than PRINT_PPI at its widest, in every layout', () => {
    // A4 newspaper column: (210 − 30 − 7) / 2 = 86.5 mm.
    expect(printWidthMm('a4-two-column', 1600, 1200)).toBeCloseTo(86.5);
    expect(printImageSize('a4-two-column', 1600, 1200)).toEqual({ width: 682, height: 512 });
    // A5 booklet: 148 − 24 = 124 mm wide.
    expect(printImageSize('a5-booklet', 1600, 1200)).toEqual({ width: 977, height: 733 });
    // Single column: 170 mm wide.
    expect(printImageSize('single-column', 1600, 1200)).toEqual({ width: 1339, height: 1004 });
    for (const layout of ['a4-two-column', 'a5-booklet', 'single-column'] as const) {
      const ppi = ppiAt(layout, 1600, 1200);
      expect(ppi).toBeLessThanOrEqual(PRINT_PPI + 1);
      expect(ppi).toBeGreaterThanOrEqual(PRINT_PPI);
    }
  });

  it('limits a tall picture by the height it may print at, not the column', () => {
    // A4 single column: content 257 mm tall, pictures at most 154 mm tall: a 1:2 portrait prints
    // 77 mm wide.
    expect(printWidthMm('single-column', 800, 1600)).toBeCloseTo(77);
    expect(printImageSize('single-column', 800, 1600)).toEqual({ width: 607, height: 1214 });
  });

  it('never enlarges a small picture, and keeps the pixel size whole and at least 1', () => {
    expect(printImageSize('a4-two-column', 300, 200)).toEqual({ width: 300, height: 200 });
    expect(printImageSize('a4-two-column', 1600, 1)).toEqual({ width: 682, height: 1 });
    // The same numbers in, the same pixels out: the same PDF bytes.
    expect(printImageSize('a5-booklet', 1234, 567)).toEqual(
      printImageSize('a5-booklet', 1234, 567),
    );
  });
});
