import { useId, useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { draftDocId } from '../../shared/cell/draftDocId.ts';
import type { DraftEntry } from '../../shared/cell/DraftEntry.ts';
import { updateDraftEntry } from '../../shared/cell/updateDraftEntry.ts';
import { RichTextEditor } from '../editor/RichTextEditor.tsx';
import { VersionsPanel } from '../editor/VersionsPanel.tsx';
import type { CellSession } from '../session/CellSession.ts';
import { DraftHeader } from './DraftHeader.tsx';
import { PresenceAnnouncer } from './PresenceAnnouncer.tsx';
import { useDraftEditRecorder } from './useDraftEditRecorder.ts';

/** One open draft: title and status, the live editor, and its named versions. */
export function DraftWorkspace({
  session,
  indexDoc,
  draft,
  nameOf,
  writable,
  focusBody = false,
}: {
  readonly session: CellSession;
  readonly indexDoc: Y.Doc;
  readonly draft: DraftEntry;
  readonly nameOf: (signPkHex: string) => string;
  readonly writable: boolean;
  /** Put the caret in the body (a draft just created). */
  readonly focusBody?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const { draftDoc, awareness, authors } = useMemo(() => {
    // A listed draft always has a valid id (listDrafts validated it).
    const docId = draftDocId(draft.id) ?? new Uint8Array(16);
    return {
      draftDoc: session.doc(docId),
      awareness: session.awareness(docId),
      authors: session.authors(docId),
    };
  }, [session, draft.id]);
  const me = session.me;
  useDraftEditRecorder(indexDoc, draftDoc, draft.id, me.signPkHex);
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
      />
      <div className="draft-workspace__body">
        <RichTextEditor
          fragment={draftBody(draftDoc)}
          label={t('editor.textLabel', { title })}
          awareness={awareness}
          user={{ name: me.pseudonym, color: me.colour }}
          readOnly={!writable}
          autofocus={focusBody && writable}
        />
        <PresenceAnnouncer awareness={awareness} />
        <VersionsPanel
          draftDoc={draftDoc}
          authors={authors}
          me={me.signPkHex}
          nameOf={nameOf}
          writable={writable}
        />
      </div>
    </section>
  );
}
