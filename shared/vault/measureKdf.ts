import { randomBytes } from '../crypto/randomBytes.ts';
import type { MeasureKdf } from './calibrateKdf.ts';
import type { Kdf } from './kdfParams.ts';
import { SALT_BYTES } from './vaultHeaderFormat.ts';
import { wipeBytes } from './wipeBytes.ts';

/** A MeasureKdf that times one real derivation of a throwaway passphrase with `kdf`. */
export function measureKdf(kdf: Kdf, now: () => number = () => performance.now()): MeasureKdf {
  return async (params) => {
    const start = now();
    const out = await kdf(
      randomBytes(16),
      randomBytes(SALT_BYTES),
      params.opslimit,
      params.memlimit,
    );
    const elapsed = now() - start;
    wipeBytes(out);
    return elapsed;
  };
}
