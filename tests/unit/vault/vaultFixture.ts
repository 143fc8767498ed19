/** Fast vault parameters for unit tests. Production never lowers the floor. */
import { argon2idKdf } from '../../../shared/vault/argon2idKdf.ts';
import { createVault } from '../../../shared/vault/createVault.ts';
import type { Kdf, KdfParams, TestOnlyKdfFloor } from '../../../shared/vault/kdfParams.ts';
import { UnlockThrottle } from '../../../shared/vault/UnlockThrottle.ts';
import type { Vault } from '../../../shared/vault/Vault.ts';
import { NO_CHAFF } from '../../../shared/vault/writeChaff.ts';
import { MemoryStorage } from './memoryStorage.ts';

/** libsodium's own minimum for Argon2id: derivations take ~2 ms. */
export const TEST_FLOOR: TestOnlyKdfFloor = { testOnly: true, opslimit: 1, memlimit: 8192 };
export const FAST: KdfParams = { opslimit: 1, memlimit: 8192 };
export const PASS = 'correct horse battery staple';

/** A throttle that never sleeps but records the delays it would have applied. */
export function recordingThrottle(): { throttle: UnlockThrottle; delays: number[] } {
  const delays: number[] = [];
  const throttle = new UnlockThrottle((ms) => {
    delays.push(ms);
    return Promise.resolve();
  });
  return { throttle, delays };
}

/** Counts KDF calls (to prove header checks run before any derivation). */
export function countingKdf(inner: Kdf = argon2idKdf): { kdf: Kdf; calls: () => number } {
  let n = 0;
  return {
    kdf: (p, s, o, m) => {
      n++;
      return inner(p, s, o, m);
    },
    calls: () => n,
  };
}

export async function fastVault(
  storage = new MemoryStorage(),
  passphrase = PASS,
): Promise<{ storage: MemoryStorage; vault: Vault; header: Uint8Array }> {
  const created = await createVault(storage, passphrase, {
    kdf: argon2idKdf,
    params: FAST,
    floor: TEST_FLOOR,
    chaff: NO_CHAFF,
  });
  if (!created.ok) throw new Error(`createVault failed: ${created.error}`);
  const header = storage.raw('vault').get('header');
  if (!header) throw new Error('no header written');
  storage.calls.length = 0;
  return { storage, vault: created.value, header: header.slice() };
}
