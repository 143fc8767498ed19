import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetadataItem } from '../../shared/images/MetadataItem.ts';

/** The list of what the original image carried (all removed), or a line saying nothing was found. */
export function RemovedMetadata({
  items,
}: {
  readonly items: readonly MetadataItem[];
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  if (items.length === 0) return <p>{t('images.removedNone')}</p>;
  return (
    <section className="image-insert__removed" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('images.removedHeading')}</h3>
      <ul aria-labelledby={headingId}>
        {items.map((item, i) => (
          <li key={i}>
            {t(`images.kind.${item.kind}`)}
            {item.detail ? (
              <>
                : <span className="image-insert__value">{item.detail}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
