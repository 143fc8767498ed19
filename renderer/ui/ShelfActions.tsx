import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TRASH_KEEP_MS, type Shelf, type ShelfState } from '../../shared/cell/Shelf.ts';

/**
 * Archive, move to the trash, or put back one entry named `name` (buttons named after it, so a
 * screen reader's list of buttons says which). Only for someone allowed (Shelves.may).
 */
export function ShelfActions({
  shelf,
  name,
  onShelve,
}: {
  readonly shelf: Shelf;
  readonly name: string;
  readonly onShelve: (state: ShelfState) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const button = (state: ShelfState, label: string, ariaLabel: string): ReactElement => (
    <button
      type="button"
      className="button--quiet"
      aria-label={ariaLabel}
      onClick={() => onShelve(state)}
    >
      {label}
    </button>
  );
  return (
    <span className="shelf-actions">
      {shelf.state === 'trashed' ? (
        <span className="muted small">
          {t('shelf.emptiedOn', {
            date: new Date(shelf.at + TRASH_KEEP_MS).toLocaleDateString(i18n.language),
          })}
        </span>
      ) : null}
      {shelf.state === 'active'
        ? button('archived', t('shelf.archive'), t('shelf.archiveNamed', { name }))
        : null}
      {shelf.state === 'archived' || shelf.state === 'trashed'
        ? button('active', t('shelf.restore'), t('shelf.restoreNamed', { name }))
        : null}
      {shelf.state !== 'trashed'
        ? button('trashed', t('shelf.trash'), t('shelf.trashNamed', { name }))
        : null}
    </span>
  );
}
