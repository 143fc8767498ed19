/** A fixed-size set of small non-negative integers (op indexes in a replay). */
export class Bitset {
  private readonly words: Uint32Array;

  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  has(i: number): boolean {
    return ((this.words[i >>> 5] ?? 0) & (1 << (i & 31))) !== 0;
  }

  add(i: number): void {
    const w = i >>> 5;
    this.words[w] = (this.words[w] ?? 0) | (1 << (i & 31));
  }

  /** this |= other (same size). */
  union(other: Bitset): void {
    for (let w = 0; w < this.words.length; w++)
      this.words[w] = (this.words[w] ?? 0) | (other.words[w] ?? 0);
  }
}
