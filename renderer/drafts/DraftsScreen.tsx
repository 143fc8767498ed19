import { useCallback, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { createDraft } from '../../shared/cell/createDraft.ts';
import { listDrafts } from '../../shared/cell/listDrafts.ts';
import type { CellSession } from '../session/CellSession.ts';
import { ScreenBoundary } from '../ui/ScreenBoundary.tsx';
import { DraftListPanel } from './DraftListPanel.tsx';
import { writeAccess } from './writeAccess.ts';
import { DraftWorkspace } from './DraftWorkspace.tsx';
import { rememberDraft, rememberedDraft } from '../shell/placeMemory.ts';
import { useOpenCommentCounts } from './useOpenCommentCounts.ts';
import { usePeopleNames } from './usePeopleNames.ts';
import { useYValue } from './useYValue.ts';
import './common.css';
import './drafts.css';

/** The drafts of an open cell: the list on one side, the open draft on the other. */
export function DraftsScreen({ session }: { readonly session: CellSession }): ReactElement {
  const { t } = useTranslation();
  const indexDoc = useMemo(() => session.doc(CELL_INDEX_DOC_ID), [session]);
  const read = useCallback(
    () => listDrafts(indexDoc, session.authors(CELL_INDEX_DOC_ID)),
    [indexDoc, session],
  );
  const { entries, dropped } = useYValue(indexDoc, read);
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

  return (
    <div className="drafts-screen">
      <DraftListPanel
        drafts={entries}
        dropped={dropped}
        selectedId={selected ? selected.id : null}
        nameOf={nameOf}
        openComments={openComments}
        writable={writable}
        removed={access === 'removed'}
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
