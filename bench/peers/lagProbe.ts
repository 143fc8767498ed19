import type * as Y from 'yjs';

const nowEpoch = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The two ends of the remote-lag scenario. The typist appends `text` one character per keystroke,
 * `gaps[i]` ms apart (the bench's typing model), as the app would: no flush, so Quire's batch
 * windows apply. The watcher records when its text reached each length. Clocks: one machine.
 */
export async function typeText(
  t: Y.Text,
  text: string,
  gaps: readonly number[],
): Promise<number[]> {
  const sentAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const gap = gaps[i] ?? 0;
    if (gap > 0) await sleep(gap);
    sentAt.push(nowEpoch());
    t.insert(t.length, text[i]!);
  }
  return sentAt;
}

export class LagWatch {
  private marks: [number, number][] = [];
  private stop: (() => void) | undefined;

  start(t: Y.Text): void {
    this.stop?.();
    this.marks = [];
    const f = (_e: unknown, tr: Y.Transaction): void => {
      if (!tr.local) this.marks.push([nowEpoch(), t.length]);
    };
    t.observe(f);
    this.stop = () => t.unobserve(f);
  }

  /** [epoch ms, text length] after each remote change since start. */
  take(): [number, number][] {
    this.stop?.();
    this.stop = undefined;
    return this.marks;
  }
}

/** For each keystroke i (sent at sentAt[i]), when the watcher's text first held it: the lag. */
export function lagsOf(
  sentAt: readonly number[],
  marks: readonly (readonly [number, number])[],
  base: number,
): number[] {
  const lags: number[] = [];
  let m = 0;
  for (let i = 0; i < sentAt.length; i++) {
    while (m < marks.length && marks[m]![1] < base + i + 1) m++;
    const mark = marks[m];
    if (mark === undefined) break;
    lags.push(mark[0] - sentAt[i]!);
  }
  return lags;
}
