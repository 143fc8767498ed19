import { KEK_BYTES } from './vaultHeaderFormat.ts';
import type { Kdf, KdfParams } from './kdfParams.ts';
import { err, ok, type Result } from '../util/result.ts';
import { wipeBytes } from './wipeBytes.ts';

export type DeriveKekError = 'kdf_failed' | 'kdf_output_size' | 'kdf_output_zero';

/**
 * Runs the injected KDF and checks what comes back: exactly 32 bytes and not all zeros (a broken
 * worker or wasm build returning zeros would otherwise wrap the VDK under a public key).
 * Always zeroes `passphrase` afterwards. Params must already have been bounds-checked.
 */
export async function deriveKek(
  kdf: Kdf,
  passphrase: Uint8Array,
  salt: Uint8Array,
  params: KdfParams,
): Promise<Result<Uint8Array, DeriveKekError>> {
  let kek: Uint8Array;
  try {
    kek = await kdf(passphrase, salt, params.opslimit, params.memlimit);
  } catch {
    return err('kdf_failed');
  } finally {
    wipeBytes(passphrase);
  }
  if (!(kek instanceof Uint8Array) || kek.length !== KEK_BYTES) {
    if (kek instanceof Uint8Array) kek.fill(0);
    return err('kdf_output_size');
  }
  let acc = 0;
  for (const b of kek) acc |= b;
  if (acc === 0) return err('kdf_output_zero');
  return ok(kek);
}
