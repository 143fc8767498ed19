import { randomBytes } from '../crypto/randomBytes.ts';
import { topUpChaff } from './topUpChaff.ts';
import type { Vault } from './Vault.ts';

/** Mean seconds between ticks; each wait is uniform in [0.5, 1.5] times this. */
export const CHAFF_TICK_MEAN_MS = 60_000;

/**
 * While `vault` is unlocked, tops the store up with chaff (topUpChaff.ts) every minute or so,
 * with jitter. Every vault runs this the same way, the real one and a decoy. Returns stop().
 */
export function startChaffTimer(vault: Vault, meanMs: number = CHAFF_TICK_MEAN_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (): void => {
    const unit = (randomBytes(1)[0] ?? 128) / 255;
    timer = setTimeout(() => void tick(), meanMs * (0.5 + unit));
  };
  const tick = async (): Promise<void> => {
    if (stopped || vault.locked) return;
    await topUpChaff(vault.storage, vault.chaffTarget);
    if (!stopped) schedule();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
