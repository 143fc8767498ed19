/** The smallest sealed-row plaintext: anything shorter is padded up to this. */
export const MIN_ROW_CLASS_BYTES = 256;

/**
 * The padded plaintext size for a sealed row of `used` bytes: at least 256, then multiples of
 * 1/8 of the power of two below it (256, 288, 320... 512, 576... 4096, 4608...): at most 12.5%
 * larger. Real rows and chaff (writeChaff.ts) take sizes from the same classes, so a row's size
 * tells little about what it holds or whose it is.
 */
export function rowSizeClass(used: number): number {
  if (used <= MIN_ROW_CLASS_BYTES) return MIN_ROW_CLASS_BYTES;
  const step = 2 ** (Math.floor(Math.log2(used)) - 3);
  return Math.ceil(used / step) * step;
}
