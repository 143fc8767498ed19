import { useCallback, useEffect, useState } from 'react';
import type { Storage } from '../../shared/storage/Storage.ts';
import { storageAlertFor, worseAlert, type StorageAlert } from './storageAlertFor.ts';

/**
 * The storage banner's state for `storage`: what it has reported so far (damage found before
 * the banner was mounted included) and every new report, until the user dismisses it; a new
 * report after that shows it again.
 */
export function useStorageAlert(storage: Pick<Storage, 'reports' | 'onReport'> | undefined): {
  readonly alert: StorageAlert | undefined;
  readonly dismiss: () => void;
} {
  const [alert, setAlert] = useState<StorageAlert | undefined>(undefined);
  useEffect(() => {
    if (storage === undefined) {
      setAlert(undefined); // wiping, or no store yet: nothing to tell
      return undefined;
    }
    setAlert(storage.reports().map(storageAlertFor).reduce(worseAlert, undefined));
    return storage.onReport((report) =>
      setAlert((shown) => worseAlert(shown, storageAlertFor(report))),
    );
  }, [storage]);
  const dismiss = useCallback(() => setAlert(undefined), []);
  return { alert, dismiss };
}
