import { EN_US_EXCEPTIONS, EN_US_PATTERNS } from './enUsPatterns.ts';

/** Letters kept on each side of a break, as TeX sets them for English (hyphenmins 2, 3). */
const MIN_LEFT = 2;
const MIN_RIGHT = 3;

interface Patterns {
  /** Pattern letters → the level in each gap (letters.length + 1 of them). */
  readonly levels: ReadonlyMap<string, readonly number[]>;
  readonly longest: number;
  /** Word → its break offsets, for the words hyphenated by hand. */
  readonly exceptions: ReadonlyMap<string, readonly number[]>;
}

let parsed: Patterns | undefined;

/** The patterns, parsed once on first use (some 5,000 of them). */
function patterns(): Patterns {
  if (parsed) return parsed;
  const levels = new Map<string, number[]>();
  let longest = 0;
  for (const pattern of EN_US_PATTERNS.split(/\s+/)) {
    if (pattern === '') continue;
    const letters = pattern.replace(/\d/g, '');
    const gaps = new Array<number>(letters.length + 1).fill(0);
    let at = 0;
    for (const ch of pattern) {
      if (ch >= '0' && ch <= '9') gaps[at] = Number(ch);
      else at++;
    }
    levels.set(letters, gaps);
    longest = Math.max(longest, letters.length);
  }
  const exceptions = new Map<string, number[]>();
  for (const marked of EN_US_EXCEPTIONS.split(' ')) {
    const breaks: number[] = [];
    const parts = marked.split('-');
    let at = 0;
    for (const part of parts.slice(0, -1)) breaks.push((at += part.length));
    exceptions.set(parts.join(''), breaks);
  }
  parsed = { levels, longest, exceptions };
  return parsed;
}

/**
 * Where an English word (letters a–z only) may break, by Liang's algorithm with the TeX en-us
 * patterns: every pattern found in ".word." raises the levels of the gaps it covers, and a gap
 * with an odd level is a break. At least two letters stay before a break and three after it.
 * Returns the break offsets. The same on every machine: no system dictionary is asked.
 */
export function englishBreaks(word: string): number[] {
  const lower = word.toLowerCase();
  const { levels, longest, exceptions } = patterns();
  const known = exceptions.get(lower);
  if (known) return [...known];
  const dotted = `.${lower}.`;
  const gaps = new Array<number>(dotted.length + 1).fill(0);
  for (let i = 0; i < dotted.length; i++) {
    for (let j = i + 1; j <= Math.min(dotted.length, i + longest); j++) {
      const found = levels.get(dotted.slice(i, j));
      if (!found) continue;
      found.forEach((level, k) => {
        if (level > (gaps[i + k] ?? 0)) gaps[i + k] = level;
      });
    }
  }
  const breaks: number[] = [];
  // The gap before the word's letter p is the dotted word's gap p + 1.
  for (let p = MIN_LEFT; p <= lower.length - MIN_RIGHT; p++)
    if ((gaps[p + 1] ?? 0) % 2 === 1) breaks.push(p);
  return breaks;
}
