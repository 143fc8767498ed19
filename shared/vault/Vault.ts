import type { Storage } from '../storage/Storage.ts';
import { SealedStore } from './SealedStore.ts';
import { VaultKeys } from './VaultKeys.ts';

const keysByVault = new WeakMap<Vault, VaultKeys>();

/**
 * An unlocked vault: the sealed store over one Storage. Obtain one from createVault or openVault.
 * `lock()` zeroes the key material in place; the store then refuses every call ('locked').
 * The KEK never lives here: it is zeroed as soon as the VDK is wrapped or unwrapped.
 */
export class Vault {
  readonly storage: Storage;
  readonly store: SealedStore;
  readonly #keys: VaultKeys;

  /** Takes ownership of `vdk`. */
  constructor(storage: Storage, vdk: Uint8Array) {
    this.storage = storage;
    this.#keys = new VaultKeys(vdk);
    this.store = new SealedStore(storage, this.#keys);
    keysByVault.set(this, this.#keys);
  }

  get locked(): boolean {
    return this.#keys.locked;
  }

  lock(): void {
    this.#keys.zero();
  }
}

/** Module-internal (rewrapVault): the keys of an unlocked vault. Not for UI code. */
export function vaultKeysOf(vault: Vault): VaultKeys {
  const keys = keysByVault.get(vault);
  if (keys === undefined) throw new TypeError('not a Vault');
  return keys;
}
