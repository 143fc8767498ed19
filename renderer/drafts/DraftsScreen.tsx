import { useCallback, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { cellIndexMaps } from '../../shared/cell/cellIndexMaps.ts';
import { createDraft } from '../../shared/cell/createDraft.ts';
import { listDrafts } from '../../shared/cell/listDrafts.ts';
import type { ShelfState } from '../../shared/cell/Shelf.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useSessionDoc } from '../session/useSessionDoc.ts';
import { ScreenBoundary } from '../ui/ScreenBoundary.tsx';
import { ShelfActions } from '../ui/ShelfActions.tsx';
import { ShelfFilter } from '../ui/ShelfFilter.tsx';
import { DraftListPanel } from './DraftListPanel.tsx';
import { writeAccess } from './writeAccess.ts';
import { DraftWorkspace } from './DraftWorkspace.tsx';
import { rememberDraft, rememberedDraft } from '../shell/placeMemory.ts';
import { useChangedDrafts } from './useChangedDrafts.ts';
import { useOpenCommentCounts } from './useOpenCommentCounts.ts';
import { usePeopleNames } from './usePeopleNames.ts';
import { useShelves } from './useShelves.ts';
import { useYValue } from './useYValue.ts';
import './common.css';
import './drafts.css';

/** The drafts of an open cell: the list on one side, the open draft on the other. */
export function DraftsScreen({ session }: { readonly session: CellSession }): ReactElement {
  const { t } = useTranslation();
  // Taken again when a fork heal replaces the cell index.
  const [indexDoc] = useSessionDoc(session, CELL_INDEX_DOC_ID);
  const read = useCallback(
    () => listDrafts(indexDoc, session.authors(CELL_INDEX_DOC_ID)),
    [indexDoc, session],
  );
  const { entries: all, dropped } = useYValue(indexDoc, read);
  const shelves = useShelves(session, CELL_INDEX_DOC_ID, cellIndexMaps(indexDoc).drafts);
  const [view, setView] = useState<ShelfState>('active');
  const entries = all.filter((draft) => shelves.of(draft.id).state === view);
  const counts = {
    archived: all.filter((draft) => shelves.of(draft.id).state === 'archived').length,
    trashed: all.filter((draft) => shelves.of(draft.id).state === 'trashed').length,
  };
  const [selectedId, setSelectedState] = useState<string | null>(() =>
    rememberedDraft(session.cellIdHex),
  );
  // A draft just created here: its editor takes the caret, ready to write the body.
  const [created, setCreated] = useState<string | null>(null);
  const setSelectedId = (id: string | null): void => {
    rememberDraft(session.cellIdHex, id);
    setCreated(null);
    setSelectedState(id);
  };
  const selected = entries.find((draft) => draft.id === selectedId);
  const access = writeAccess(session);
  const writable = access === 'write';
  const nameOf = usePeopleNames(session, t('drafts.you'), t('drafts.unknownMember'));
  const openComments = useOpenCommentCounts(session, entries);
  const changed = useChangedDrafts(session, entries);

  return (
    <div className="drafts-screen">
      <DraftListPanel
        drafts={entries}
        dropped={dropped}
        selectedId={selected ? selected.id : null}
        nameOf={nameOf}
        openComments={openComments}
        changed={changed}
        writable={writable}
        removed={access === 'removed'}
        view={view}
        filter={
          <ShelfFilter
            value={view}
            counts={counts}
            tampered={shelves.tampered}
            onChange={setView}
          />
        }
        onSelect={setSelectedId}
        onCreate={(title) => {
          const created = createDraft(indexDoc, title, session.me.signPkHex);
          if (!created.ok) return;
          setSelectedId(created.value);
          setCreated(created.value);
        }}
      />
      {selected ? (
        <ScreenBoundary key={selected.id} part="draft" onBack={() => setSelectedId(null)}>
          <DraftWorkspace
            writable={writable}
            session={session}
            indexDoc={indexDoc}
            draft={selected}
            nameOf={nameOf}
            focusBody={created === selected.id}
            shelfActions={
              shelves.may(selected.id) ? (
                <ShelfActions
                  shelf={shelves.of(selected.id)}
                  name={selected.title === '' ? t('drafts.untitled') : selected.title}
                  onShelve={(state) => shelves.shelve(selected.id, state)}
                />
              ) : null
            }
          />
        </ScreenBoundary>
      ) : (
        <div className="drafts-screen__none">
          <p className="muted">
            {t(entries.length === 0 ? 'drafts.noneYet' : 'drafts.noneSelected')}
          </p>
        </div>
      )}
    </div>
  );
}
