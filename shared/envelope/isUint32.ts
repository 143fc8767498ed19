/** True for integers that fit a u32 (epochs, seqs, lengths). */
export const isUint32 = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
