/**
 * Why a storage call was refused. The same codes are used by every adapter (see
 * shared/storage/Storage.ts) so callers can branch on `code` whatever the backend.
 */
export type StorageErrorCode =
  | 'invalid-op' // a malformed op, table, id or value: nothing was applied
  | 'too-large' // a batch above the adapter's size cap: nothing was applied
  | 'closed' // the adapter was closed or wiped
  | 'locked' // another process holds this store
  | 'foreign-file' // the store's file is not a Quire log: left untouched
  | 'full' // out of space (disk full, quota exceeded): the batch was not applied
  | 'io'; // the backend failed; the batch was not applied (or the adapter is now unusable)

export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
