/** Delay before the next unlock attempt after `failures` consecutive failures: 0, 1, 2, 4, 8... s, capped at 30 s. */
export function unlockDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 15));
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Slows repeated unlock guesses at a running app. Attempts are serialised (parallel calls cannot
 * skip the delay) and the failure count lives in memory only: a persisted counter would be
 * readable metadata on a seized device ("someone tried N passphrases"), and an attacker holding
 * the disk bypasses our UI anyway; Argon2id's cost is what protects an offline copy.
 */
export class UnlockThrottle {
  #failures = 0;
  #tail: Promise<unknown> = Promise.resolve();
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(sleep: (ms: number) => Promise<void> = defaultSleep) {
    this.#sleep = sleep;
  }

  get failures(): number {
    return this.#failures;
  }

  /** Runs `attempt` after the current delay; `true` from it resets the count, `false` grows it. */
  run<R extends { readonly ok: boolean }>(attempt: () => Promise<R>): Promise<R> {
    const next = this.#tail.then(async () => {
      const delay = unlockDelayMs(this.#failures);
      if (delay > 0) await this.#sleep(delay);
      let outcome: R;
      try {
        outcome = await attempt();
      } catch (e) {
        this.#failures++;
        throw e;
      }
      this.#failures = outcome.ok ? 0 : this.#failures + 1;
      return outcome;
    });
    this.#tail = next.catch(() => undefined);
    return next;
  }
}

/** The app-wide throttle (one per JS context). Tests pass their own. */
export const defaultUnlockThrottle = new UnlockThrottle();
