import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { VERSION_WARNING_MS, versionExpiry } from '../../shared/cell/dropOldVersions.ts';
import type { HorizonSetting } from '../../shared/cell/readHorizonPolicy.ts';
import { formatTimeUntil } from '../drafts/formatTimeUntil.ts';

/** "will be deleted in 2 days" once a version is within VERSION_WARNING_MS of the horizon. */
export function ExpiryWarning({
  at,
  horizon,
  now,
}: {
  readonly at: number;
  readonly horizon: HorizonSetting | undefined;
  readonly now: number;
}): ReactElement | null {
  const { t, i18n } = useTranslation();
  const expiry = horizon && versionExpiry(at, horizon);
  if (expiry === undefined || expiry - now > VERSION_WARNING_MS) return null;
  return (
    <strong className="versions__expiry">
      {' '}
      {t('editor.versions.expiresSoon', { when: formatTimeUntil(expiry, now, i18n.language) })}
    </strong>
  );
}
