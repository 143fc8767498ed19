/** Every SealedStore call after `Vault.lock()` rejects with this; the UI shows the unlock screen. */
export class VaultLockedError extends Error {
  readonly code = 'locked' as const;
  constructor() {
    super('vault is locked');
    this.name = 'VaultLockedError';
  }
}
