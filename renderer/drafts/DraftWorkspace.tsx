import type { Editor } from '@tiptap/core';
import { useCallback, useId, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { commentsDocId } from '../../shared/cell/commentsDocId.ts';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { draftDocId } from '../../shared/cell/draftDocId.ts';
import { draftVersions } from '../../shared/cell/draftVersions.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { updateDraftEntry } from '../../shared/cell/updateDraftEntry.ts';
import { AuthorshipLegend } from '../editor/AuthorshipLegend.tsx';
import { CommentsPanel } from '../editor/CommentsPanel.tsx';
import { RichTextEditor } from '../editor/RichTextEditor.tsx';
import { SuggestionsPanel } from '../editor/SuggestionsPanel.tsx';
import { VersionsPanel } from '../editor/VersionsPanel.tsx';
import { ImageStoreContext } from '../images/ImageStoreContext.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useDocReplacements } from '../session/useDocReplacements.ts';
import { useSessionDoc } from '../session/useSessionDoc.ts';
import { ChangesSinceSeen } from './ChangesSinceSeen.tsx';
import { DraftHeader } from './DraftHeader.tsx';
import { PresenceAnnouncer } from './PresenceAnnouncer.tsx';
import { PresenceAvatars } from './PresenceAvatars.tsx';
import { useAuthorPeople } from './useAuthorPeople.ts';
import { useChangeMarks } from './useChangeMarks.ts';
import { useYValue } from './useYValue.ts';
import { useDraftEditRecorder } from './useDraftEditRecorder.ts';
import { useShelves } from './useShelves.ts';

/** One open draft: title and status, the live editor, its comments and its named versions. */
export function DraftWorkspace({
  session,
  indexDoc,
  draft,
  nameOf,
  writable,
  focusBody = false,
  shelfActions,
}: {
  readonly session: CellSession;
  readonly indexDoc: Y.Doc;
  readonly draft: DraftEntry;
  readonly nameOf: (signPkHex: string) => string;
  readonly writable: boolean;
  /** Put the caret in the body (a draft just created). */
  readonly focusBody?: boolean;
  /** Archive / trash / put back, for someone allowed. */
  readonly shelfActions?: ReactNode;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  // A listed draft always has a valid id (listDrafts validated it).
  const docId = useMemo(() => draftDocId(draft.id) ?? new Uint8Array(16), [draft.id]);
  // Replaced when a fork in it heals: the editor below is keyed on the revision and rebinds.
  const [draftDoc, revision] = useSessionDoc(session, docId);
  // The presence of the doc shown: the session binds a new one to a replaced doc.
  const { awareness, authors } = useMemo(() => {
    void revision;
    return { awareness: session.awareness(docId), authors: session.authors(docId) };
  }, [session, docId, revision]);
  // Its comment threads live in their own document, where readers may write if the cell lets them.
  const commentsId = useMemo(() => commentsDocId(draft.id) ?? new Uint8Array(16), [draft.id]);
  const [commentsDoc, commentsRevision] = useSessionDoc(session, commentsId);
  const comments = useMemo(() => {
    void commentsRevision;
    return { doc: commentsDoc, authors: session.authors(commentsId) };
  }, [session, commentsDoc, commentsId, commentsRevision]);
  const readersComment = useYValue(
    indexDoc,
    useCallback(() => session.readerComments?.get().allowedNow ?? false, [session]),
  );
  const mayComment =
    writable ||
    (readersComment && session.me.role === 'reader' && session.governance?.state() !== 'removed');
  const me = session.me;
  // A new store when any document is replaced: images observe their (image) doc again.
  const replaced = useDocReplacements(session);
  const images = useMemo(() => {
    void replaced;
    return {
      doc: (id: Uint8Array) => session.doc(id),
      indexDoc,
      writer: { authors: session.authors(CELL_INDEX_DOC_ID), member: me.signPkHex },
      noteRefused: (imageId: string) => session.noteRefusedImage(imageId),
    };
  }, [session, indexDoc, me.signPkHex, replaced]);
  const versionShelves = useShelves(session, docId, draftVersions(draftDoc));
  const [editor, setEditor] = useState<Editor | null>(null);
  const people = useAuthorPeople(session, nameOf);
  useDraftEditRecorder(indexDoc, draftDoc, draft.id, me.signPkHex);
  const changerName = useCallback(
    (author: string | undefined) =>
      author === undefined ? t('drafts.unknownMember') : nameOf(author),
    [nameOf, t],
  );
  const deletedLabel = useCallback(
    (characters: number | undefined) =>
      characters === undefined
        ? t('editor.changes.removedMark')
        : t('editor.changes.deletedMark', { n: characters }),
    [t],
  );
  const { changes, markSeen } = useChangeMarks(
    session,
    draft.id,
    draftDoc,
    authors,
    editor,
    changerName,
    deletedLabel,
  );
  const title = draft.title === '' ? t('drafts.untitled') : draft.title;

  return (
    <section className="draft-workspace" aria-labelledby={headingId}>
      <DraftHeader
        draft={draft}
        headingId={headingId}
        writable={writable}
        onRename={(next) => updateDraftEntry(indexDoc, draft.id, { title: next })}
        onHeadline={(headline) => updateDraftEntry(indexDoc, draft.id, { headline })}
        onStatus={(status) => updateDraftEntry(indexDoc, draft.id, { status })}
        actions={shelfActions}
      />
      <PresenceAvatars awareness={awareness} me={{ name: me.pseudonym, color: me.colour }} />
      <ImageStoreContext.Provider value={images}>
        <div className="draft-workspace__body">
          <RichTextEditor
            key={revision}
            fragment={draftBody(draftDoc)}
            label={t('editor.textLabel', { title })}
            awareness={awareness}
            user={{ name: me.pseudonym, color: me.colour }}
            readOnly={!writable}
            autofocus={focusBody && writable}
            onEditor={setEditor}
            authors={authors}
          />
          <PresenceAnnouncer awareness={awareness} />
          <div className="draft-workspace__side">
            <ChangesSinceSeen changes={changes} nameOf={changerName} onMarkSeen={markSeen} />
            <AuthorshipLegend editor={editor} people={people} />
            <SuggestionsPanel
              draftDoc={draftDoc}
              authors={authors}
              editor={editor}
              people={people}
              writable={writable}
            />
            <CommentsPanel
              draftDoc={draftDoc}
              authors={authors}
              comments={comments}
              editor={editor}
              nameOf={nameOf}
              me={me.signPkHex}
              writable={writable}
              mayComment={mayComment}
            />
            <VersionsPanel
              draftDoc={draftDoc}
              authors={authors}
              me={me.signPkHex}
              nameOf={nameOf}
              writable={writable}
              horizon={session.horizon?.get().setting}
              shelves={versionShelves}
            />
          </div>
        </div>
      </ImageStoreContext.Provider>
    </section>
  );
}
