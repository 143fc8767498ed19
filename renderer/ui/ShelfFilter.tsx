import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isShelfState, type ShelfState } from '../../shared/cell/Shelf.ts';

/**
 * Which entries a list shows: in use, archived or the trash, with how many are in each of the
 * latter. In the trash, the honest note: it empties itself, and nothing is erased from devices.
 */
export function ShelfFilter({
  value,
  counts,
  tampered,
  onChange,
}: {
  readonly value: ShelfState;
  readonly counts: { readonly archived: number; readonly trashed: number };
  /** Places written by someone not allowed: ignored here. */
  readonly tampered: number;
  readonly onChange: (state: ShelfState) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="shelf-filter">
      <label htmlFor={id}>{t('shelf.view')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          if (isShelfState(event.target.value)) onChange(event.target.value);
        }}
      >
        <option value="active">{t('shelf.active')}</option>
        <option value="archived">{t('shelf.archived', { n: counts.archived })}</option>
        <option value="trashed">{t('shelf.trashed', { n: counts.trashed })}</option>
      </select>
      {value === 'trashed' ? <p className="muted small">{t('shelf.trashNote')}</p> : null}
      {tampered > 0 ? <p className="muted small">{t('shelf.tampered', { n: tampered })}</p> : null}
    </div>
  );
}
