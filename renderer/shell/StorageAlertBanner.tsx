import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageAlert } from './storageAlertFor.ts';

/**
 * One clear line when this device's storage refused a write or was found damaged (the Storage
 * port's reports), above whatever screen is open, until dismissed.
 */
export function StorageAlertBanner({
  alert,
  onDismiss,
}: {
  readonly alert: StorageAlert | undefined;
  readonly onDismiss: () => void;
}): ReactElement | null {
  const { t } = useTranslation();
  if (alert === undefined) return null;
  return (
    <div className="storage-alert" role="alert" data-alert={alert}>
      <p className="storage-alert__text">{t(`shell.storageAlert.${alert}`)}</p>
      <button type="button" className="button--secondary" onClick={onDismiss}>
        {t('shell.storageAlert.dismiss')}
      </button>
    </div>
  );
}
