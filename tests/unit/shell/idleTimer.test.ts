import { describe, expect, it } from 'vitest';
import { IdleTimer, type IdleClock } from '../../../renderer/shell/IdleTimer.ts';

/** A hand-driven clock: `advance` moves time and runs the timers that came due, in order. */
function manualClock(): IdleClock & {
  advance(ms: number): void;
  jump(ms: number): void;
  pending(): number;
} {
  let now = 1_000_000;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimer: (run, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id) => {
      timers.delete(id);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
      }
      now = end;
    },
    /** Wall clock moves but no timer runs (a suspended laptop). */
    jump(ms) {
      now += ms;
    },
    pending: () => timers.size,
  };
}

describe('IdleTimer', () => {
  it('fires once after the timeout without activity', () => {
    const clock = manualClock();
    let fired = 0;
    new IdleTimer(5000, () => fired++, clock);
    clock.advance(4999);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
    clock.advance(60_000);
    expect(fired).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('restarts the countdown on activity', () => {
    const clock = manualClock();
    let fired = 0;
    const timer = new IdleTimer(5000, () => fired++, clock);
    clock.advance(4000);
    timer.activity();
    clock.advance(4000);
    expect(fired).toBe(0);
    timer.activity();
    clock.advance(4999);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
  });

  it('locks at the first check after a sleep that outlasted the timeout, before any timer runs', () => {
    const clock = manualClock();
    let fired = 0;
    const timer = new IdleTimer(60_000, () => fired++, clock);
    clock.jump(3_600_000);
    timer.check();
    expect(fired).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('does not fire on check before the deadline', () => {
    const clock = manualClock();
    let fired = 0;
    const timer = new IdleTimer(60_000, () => fired++, clock);
    clock.jump(59_000);
    timer.check();
    expect(fired).toBe(0);
  });

  it('a clock set backwards cannot postpone the lock', () => {
    const clock = manualClock();
    let fired = 0;
    const timer = new IdleTimer(5000, () => fired++, clock);
    clock.jump(-1_000_000);
    timer.activity();
    clock.jump(1_000_000 + 5000);
    timer.check();
    expect(fired).toBe(1);
  });

  it('never fires after stop', () => {
    const clock = manualClock();
    let fired = 0;
    const timer = new IdleTimer(5000, () => fired++, clock);
    timer.stop();
    clock.advance(10_000);
    timer.check();
    expect(fired).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  it('refuses a non-positive timeout', () => {
    expect(() => new IdleTimer(0, () => undefined, manualClock())).toThrow(RangeError);
  });
});
