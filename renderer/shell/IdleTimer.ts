/** What IdleTimer needs from its host (injected so unit tests drive time by hand). */
export interface IdleClock {
  /** Wall-clock milliseconds: keeps counting while the machine sleeps, unlike timers. */
  now(): number;
  setTimer(callback: () => void, ms: number): number;
  clearTimer(handle: number): void;
}

export const browserIdleClock: IdleClock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => window.setTimeout(callback, ms),
  clearTimer: (handle) => window.clearTimeout(handle),
};

/**
 * Calls `onIdle` once when no activity was reported for `timeoutMs`. Activity only stores a
 * timestamp (cheap enough for pointermove); the single timer re-arms itself for the remaining
 * time when it fires early. Time is wall-clock, so a laptop that slept past the deadline locks
 * at the first timer or `check()` after waking, however late the timer fires.
 */
export class IdleTimer {
  readonly #timeoutMs: number;
  readonly #clock: IdleClock;
  readonly #onIdle: () => void;
  #last: number;
  #timer: number | undefined;
  #done = false;

  constructor(timeoutMs: number, onIdle: () => void, clock: IdleClock = browserIdleClock) {
    if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
    this.#timeoutMs = timeoutMs;
    this.#onIdle = onIdle;
    this.#clock = clock;
    this.#last = clock.now();
    this.#arm(timeoutMs);
  }

  /** Someone used the app: the countdown restarts. */
  activity(): void {
    if (this.#done) return;
    const now = this.#clock.now();
    // A clock that went backwards (manual change) must not postpone the lock forever.
    if (now >= this.#last) this.#last = now;
  }

  /** Fires now if the deadline has passed (after a wake-up or when the page becomes visible). */
  check(): void {
    if (this.#done) return;
    const idle = this.#clock.now() - this.#last;
    if (idle >= this.#timeoutMs) this.#fire();
  }

  stop(): void {
    this.#done = true;
    if (this.#timer !== undefined) this.#clock.clearTimer(this.#timer);
    this.#timer = undefined;
  }

  #arm(ms: number): void {
    this.#timer = this.#clock.setTimer(() => this.#tick(), Math.max(0, ms));
  }

  #tick(): void {
    this.#timer = undefined;
    if (this.#done) return;
    const idle = this.#clock.now() - this.#last;
    if (idle >= this.#timeoutMs) this.#fire();
    else this.#arm(this.#timeoutMs - idle);
  }

  #fire(): void {
    this.stop();
    this.#onIdle();
  }
}
