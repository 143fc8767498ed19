import { KDF_CAP } from '../../shared/vault/kdfParams.ts';
import { MAX_PASSPHRASE_BYTES } from '../../shared/vault/normalizePassphrase.ts';
import { KEK_BYTES, SALT_BYTES } from '../../shared/vault/vaultHeaderFormat.ts';

/** Page -> KDF worker. The passphrase buffer is transferred, so the page keeps no copy. */
export interface KdfRequest {
  readonly passphrase: Uint8Array;
  readonly salt: Uint8Array;
  readonly opslimit: number;
  readonly memlimit: number;
}

/** KDF worker -> page. The key buffer is transferred. */
export type KdfResponse = { readonly ok: true; readonly key: Uint8Array } | { readonly ok: false };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Validates a request inside the worker. Only the cap is enforced here (the floor is the vault's
 * business, checked before any request is made): whatever arrives, the worker never allocates
 * more than KDF_CAP.memlimit nor runs more than KDF_CAP.opslimit passes.
 */
export function parseKdfRequest(data: unknown): KdfRequest | undefined {
  if (!isRecord(data)) return undefined;
  const { passphrase, salt, opslimit, memlimit } = data;
  if (!(passphrase instanceof Uint8Array) || passphrase.length > MAX_PASSPHRASE_BYTES)
    return undefined;
  if (!(salt instanceof Uint8Array) || salt.length !== SALT_BYTES) return undefined;
  if (typeof opslimit !== 'number' || !Number.isSafeInteger(opslimit)) return undefined;
  if (typeof memlimit !== 'number' || !Number.isSafeInteger(memlimit)) return undefined;
  if (opslimit < 1 || opslimit > KDF_CAP.opslimit) return undefined;
  if (memlimit < 8192 || memlimit > KDF_CAP.memlimit) return undefined;
  return { passphrase, salt, opslimit, memlimit };
}

/** Validates the worker's answer on the page side. */
export function parseKdfResponse(data: unknown): KdfResponse | undefined {
  if (!isRecord(data)) return undefined;
  if (data.ok === false) return { ok: false };
  if (data.ok === true && data.key instanceof Uint8Array && data.key.length === KEK_BYTES) {
    return { ok: true, key: data.key };
  }
  return undefined;
}
