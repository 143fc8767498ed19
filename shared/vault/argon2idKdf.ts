import { sodium, sodiumReady } from '../crypto/sodium.ts';
import { KEK_BYTES } from './vaultHeaderFormat.ts';
import type { Kdf } from './kdfParams.ts';
import { wipeBytes } from './wipeBytes.ts';

/**
 * Argon2id v1.3 on the calling thread. Node (CLI, tests) injects it directly; the renderer runs it
 * only inside renderer/vault/kdf.worker.ts so the UI never freezes for the ~1 s it takes.
 * Zeroes the passphrase bytes once libsodium has copied them.
 */
export const argon2idKdf: Kdf = async (passphrase, salt, opslimit, memlimit) => {
  await sodiumReady();
  const s = sodium();
  try {
    return s.crypto_pwhash(
      KEK_BYTES,
      passphrase,
      salt,
      opslimit,
      memlimit,
      s.crypto_pwhash_ALG_ARGON2ID13,
    );
  } finally {
    wipeBytes(passphrase);
  }
};
