import { deriveKey } from '../crypto/deriveKey.ts';
import { LABELS } from '../crypto/labels.ts';
import { VDK_BYTES } from './vaultHeaderFormat.ts';
import { VaultLockedError } from './VaultLockedError.ts';

/**
 * The unlocked key material: the VDK (seals rows) and the row-id key derived from it (names rows).
 * `zero()` overwrites both in place; every accessor throws VaultLockedError afterwards.
 * Best effort only: the JS engine and libsodium's wasm heap may have held transient copies.
 */
export class VaultKeys {
  readonly #vdk: Uint8Array;
  readonly #idKey: Uint8Array;
  #locked = false;

  /** Takes ownership of `vdk` (it is zeroed on lock). */
  constructor(vdk: Uint8Array) {
    if (vdk.length !== VDK_BYTES) throw new RangeError('VDK must be 32 bytes');
    this.#vdk = vdk;
    this.#idKey = deriveKey(vdk, LABELS.vaultIdKey);
  }

  get locked(): boolean {
    return this.#locked;
  }

  vdk(): Uint8Array {
    if (this.#locked) throw new VaultLockedError();
    return this.#vdk;
  }

  idKey(): Uint8Array {
    if (this.#locked) throw new VaultLockedError();
    return this.#idKey;
  }

  zero(): void {
    this.#vdk.fill(0);
    this.#idKey.fill(0);
    this.#locked = true;
  }
}
