import type { Storage } from '../storage/Storage.ts';
import { SealedStore } from './SealedStore.ts';
import { VaultKeys } from './VaultKeys.ts';
import { DEFAULT_CHAFF, type ChaffPolicy } from './writeChaff.ts';

export interface VaultOptions {
  /** Which header slot holds this vault's wrapped key (0 or 1). */
  readonly slot?: number;
  /** Chaff written along with sealed rows; DEFAULT_CHAFF when omitted. */
  readonly chaff?: ChaffPolicy | undefined;
  /** Rows the chaff timer fills the store up to (chaffTarget.ts); 0: no timer chaff. */
  readonly chaffTarget?: number;
}

const keysByVault = new WeakMap<Vault, VaultKeys>();

/**
 * An unlocked vault: the sealed store over one Storage. Obtain one from createVault or openVault.
 * `lock()` zeroes the key material in place; the store then refuses every call ('locked').
 * The KEK never lives here: it is zeroed as soon as the VDK is wrapped or unwrapped.
 */
export class Vault {
  readonly storage: Storage;
  readonly store: SealedStore;
  /** The header slot this vault was opened from. Module-internal (setDuressPassphrase). */
  readonly slot: number;
  /** Rows the chaff timer fills the store up to (startChaffTimer.ts). */
  readonly chaffTarget: number;
  readonly #keys: VaultKeys;

  /** Takes ownership of `vdk`. */
  constructor(storage: Storage, vdk: Uint8Array, options: VaultOptions = {}) {
    this.storage = storage;
    this.slot = options.slot ?? 0;
    this.chaffTarget = options.chaffTarget ?? 0;
    this.#keys = new VaultKeys(vdk);
    this.store = new SealedStore(storage, this.#keys, options.chaff ?? DEFAULT_CHAFF);
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
