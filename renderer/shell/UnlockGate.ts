import type { Storage } from '../../shared/storage/Storage.ts';
import type { Result } from '../../shared/util/result.ts';
import { openVault } from '../../shared/vault/openVault.ts';
import type { UnlockOptions } from '../../shared/vault/tryUnlockVault.ts';
import { unlockDelayMs, UnlockThrottle } from '../../shared/vault/UnlockThrottle.ts';
import type { Vault } from '../../shared/vault/Vault.ts';

const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * The unlock screen's view of the throttle. UnlockThrottle waits its delay at the start of the
 * next attempt; here the delay counts from the last failure instead, so the screen can show a
 * countdown right away and an attempt made after it has run out is not delayed a second time.
 * Attempts stay serialised and at least the throttle's delay apart; the count lives in memory only.
 */
export class UnlockGate {
  readonly #throttle: UnlockThrottle;
  readonly #now: () => number;
  #lastFailureAt = Number.NEGATIVE_INFINITY;

  constructor(
    now: () => number = () => Date.now(),
    sleep: (ms: number) => Promise<void> = realSleep,
  ) {
    this.#now = now;
    this.#throttle = new UnlockThrottle((ms) =>
      sleep(Math.max(0, this.#lastFailureAt + ms - this.#now())),
    );
  }

  get failures(): number {
    return this.#throttle.failures;
  }

  /** Milliseconds until the next attempt may run (0: now). */
  retryInMs(): number {
    const delay = unlockDelayMs(this.#throttle.failures);
    return delay === 0 ? 0 : Math.max(0, this.#lastFailureAt + delay - this.#now());
  }

  /** openVault through the gate: one generic failure for every reason. */
  async unlock(
    storage: Storage,
    passphrase: string,
    options: UnlockOptions,
  ): Promise<Result<Vault, 'unlock_failed'>> {
    const opened = await openVault(storage, passphrase, { ...options, throttle: this.#throttle });
    if (!opened.ok) this.#lastFailureAt = this.#now();
    return opened;
  }
}
