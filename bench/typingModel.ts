/** mulberry32: a tiny seeded PRNG, so every bench run replays the same keystroke timing. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * When a human would have typed each transaction of a trace. The automerge-paper trace's own
 * timestamps are not a recording of typing (all 259,778 transactions carry times within 294 ms;
 * seph-blog1 has 1-second resolution), so the replay needs a model. Ours: inter-keystroke
 * intervals log-normal with median 180 ms (sigma 0.6: a quarter under 120 ms), in line with the
 * ~240 ms mean interval of 136 M keystrokes (Dhakal et al., CHI 2018), plus a thinking pause of
 * 0.5-5 s before 3 % of keystrokes. Seeded: every run gets the same times.
 */
export interface TypingModel {
  readonly name: string;
  /** Milliseconds between the previous transaction and this one. */
  gap(index: number): number;
}

export const HUMAN_TYPING: Omit<TypingModel, 'gap'> & { readonly seed: number } = {
  name: 'log-normal IKI, median 180 ms, sigma 0.6, 3 % pauses 0.5-5 s',
  seed: 20_240_419,
};

export function humanTyping(seed = HUMAN_TYPING.seed): TypingModel {
  const rand = prng(seed);
  const gaussian = (): number => {
    // Box-Muller: two uniforms in (0, 1] to one standard normal.
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    name: HUMAN_TYPING.name,
    gap(index) {
      if (index === 0) return 0;
      const iki = 180 * Math.exp(0.6 * gaussian());
      const pause = rand() < 0.03 ? 500 + rand() * 4500 : 0;
      return Math.round(iki + pause);
    },
  };
}

/** Every keystroke `ms` apart: the sensitivity runs. */
export function fixedTyping(ms: number): TypingModel {
  return { name: `fixed ${ms} ms`, gap: (i) => (i === 0 ? 0 : ms) };
}

/** The trace's own timestamps (degenerate for automerge-paper: shown only for completeness). */
export function recordedTiming(times: readonly number[]): TypingModel {
  return {
    name: 'recorded timestamps',
    gap: (i) => (i === 0 ? 0 : Math.max(0, (times[i] ?? 0) - (times[i - 1] ?? 0))),
  };
}
