import { err, ok, type Result } from '../util/result.ts';

/** Argon2id cost parameters as libsodium takes them: passes, and memory in bytes. */
export interface KdfParams {
  readonly opslimit: number;
  readonly memlimit: number;
}

/**
 * The passphrase KDF, injected so the renderer runs it in a Web Worker (renderer/vault) and Node
 * runs it directly (argon2idKdf). Returns a 32-byte key; may zero `passphrase` once it has used it.
 */
export type Kdf = (
  passphrase: Uint8Array,
  salt: Uint8Array,
  opslimit: number,
  memlimit: number,
) => Promise<Uint8Array>;

const MiB = 1024 * 1024;

/** Below this a stolen header is too cheap to brute-force: refused on create and on open. */
export const KDF_FLOOR: KdfParams = Object.freeze({ opslimit: 3, memlimit: 256 * MiB });

/** Above this a tampered header could make us allocate absurd memory or hang: refused. */
export const KDF_CAP: KdfParams = Object.freeze({ opslimit: 4, memlimit: 1024 * MiB });

/**
 * TESTS ONLY: lowers the floor so unit tests can derive in milliseconds. Production code never
 * builds one; the `testOnly` brand makes every use greppable. The cap is never lowered or raised.
 */
export interface TestOnlyKdfFloor extends KdfParams {
  readonly testOnly: true;
}

/** libsodium's own lower bounds for Argon2id: nothing below these is even computable. */
const SODIUM_MIN: KdfParams = { opslimit: 1, memlimit: 8192 };

export type KdfParamsError = 'params_below_floor' | 'params_above_cap' | 'params_invalid';

/** Checks params against the floor (production or test override) and the fixed cap. */
export function checkKdfParams(
  params: KdfParams,
  floor: KdfParams = KDF_FLOOR,
): Result<KdfParams, KdfParamsError> {
  const { opslimit, memlimit } = params;
  if (!Number.isSafeInteger(opslimit) || !Number.isSafeInteger(memlimit)) {
    return err('params_invalid');
  }
  if (opslimit > KDF_CAP.opslimit || memlimit > KDF_CAP.memlimit) return err('params_above_cap');
  if (opslimit < Math.max(floor.opslimit, SODIUM_MIN.opslimit)) return err('params_below_floor');
  if (memlimit < Math.max(floor.memlimit, SODIUM_MIN.memlimit)) return err('params_below_floor');
  return ok(params);
}
