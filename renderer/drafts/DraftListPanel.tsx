import { useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import type { ShelfState } from '../../shared/cell/Shelf.ts';
import { CreateDraftForm } from './CreateDraftForm.tsx';
import { DraftListItem } from './DraftListItem.tsx';
import { useNow } from './useNow.ts';

/** The cell's drafts, newest edit first, with the form that starts a new one. */
export function DraftListPanel({
  drafts,
  dropped,
  selectedId,
  nameOf,
  openComments,
  changed,
  writable,
  removed = false,
  view = 'active',
  filter,
  onSelect,
  onCreate,
}: {
  readonly drafts: readonly DraftEntry[];
  readonly dropped: number;
  readonly selectedId: string | null;
  readonly nameOf: (signPkHex: string) => string;
  /** Open comment threads per draft id. */
  readonly openComments: ReadonlyMap<string, number>;
  /** Drafts others changed since this member last looked. */
  readonly changed?: ReadonlySet<string>;
  readonly writable: boolean;
  /** Removed from the cell: the banner explains, so no reader note. */
  readonly removed?: boolean;
  /** Which drafts `drafts` holds: in use, archived or in the trash. */
  readonly view?: ShelfState;
  /** The control that chooses `view`. */
  readonly filter?: ReactNode;
  readonly onSelect: (id: string) => void;
  readonly onCreate: (title: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const now = useNow();
  return (
    <nav className="draft-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('drafts.heading')}</h2>
      {writable ? (
        <CreateDraftForm onCreate={onCreate} />
      ) : removed ? null : (
        <p className="muted small">{t('drafts.readerNote')}</p>
      )}
      {filter}
      {drafts.length === 0 && view !== 'active' ? (
        <p className="muted">
          {t(view === 'archived' ? 'shelf.emptyArchived' : 'shelf.emptyTrashed')}
        </p>
      ) : drafts.length === 0 ? (
        <div className="empty-state">
          <p>{t('drafts.emptyTitle')}</p>
          <p className="muted">{t('drafts.emptyHint')}</p>
        </div>
      ) : (
        <ul className="draft-list__items">
          {drafts.map((draft) => (
            <DraftListItem
              key={draft.id}
              draft={draft}
              current={draft.id === selectedId}
              now={now}
              editorName={nameOf(draft.updatedBy)}
              openComments={openComments.get(draft.id) ?? 0}
              changed={changed?.has(draft.id) ?? false}
              onSelect={() => onSelect(draft.id)}
            />
          ))}
        </ul>
      )}
      {dropped > 0 ? <p className="muted small">{t('drafts.dropped', { n: dropped })}</p> : null}
    </nav>
  );
}
