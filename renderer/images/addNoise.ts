/**
 * Adds ±1 to each colour channel of every pixel at random (a fresh random seed per image, then a
 * fast xorshift): invisible, but it blurs the faint sensor pattern that can tie photos to one
 * camera. A mitigation, not a guarantee (THREAT_MODEL §9).
 */
export function addNoise(
  ctx: OffscreenCanvasRenderingContext2D,
  width: number,
  height: number,
): void {
  const image = ctx.getImageData(0, 0, width, height);
  const px = image.data;
  let state = crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
  if (state === 0) state = 1;
  for (let i = 0; i < px.length; i += 4) {
    for (let c = 0; c < 3; c++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      // Uint8ClampedArray clamps at 0 and 255.
      px[i + c] = (px[i + c] ?? 0) + ((state >>> 0) % 3) - 1;
    }
  }
  ctx.putImageData(image, 0, 0);
}
