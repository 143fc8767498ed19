import { useCallback, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CELL_INDEX_DOC_ID } from '../../shared/cell/cellIndexDocId.ts';
import { listDrafts } from '../../shared/cell/listDrafts.ts';
import { createIssue } from '../../shared/export/createIssue.ts';
import { listIssues } from '../../shared/export/listIssues.ts';
import { writeAccess } from '../drafts/writeAccess.ts';
import { useYValue } from '../drafts/useYValue.ts';
import type { CellSession } from '../session/CellSession.ts';
import { useSessionDoc } from '../session/useSessionDoc.ts';
import { fontFaceCss } from './issueFonts.ts';
import { IssueListPanel } from './IssueListPanel.tsx';
import { IssueWorkspace } from './IssueWorkspace.tsx';
import '../drafts/common.css';
import './export.css';

/** The shipped font from the app's own assets (font-src 'self'). */
const PREVIEW_FONT_CSS = fontFaceCss((face) => face.url);

/**
 * The newsletter issues of an open cell: the list (and a form for a new one) on one side, the
 * chosen issue (masthead, drafts in print order, page preview, export) on the other.
 */
export function IssuesScreen({ session }: { readonly session: CellSession }): ReactElement {
  const { t } = useTranslation();
  // Taken again when a fork heal replaces the cell index.
  const [indexDoc] = useSessionDoc(session, CELL_INDEX_DOC_ID);
  const readIssues = useCallback(() => listIssues(indexDoc), [indexDoc]);
  const readDrafts = useCallback(
    () => listDrafts(indexDoc, session.authors(CELL_INDEX_DOC_ID)),
    [indexDoc, session],
  );
  const issues = useYValue(indexDoc, readIssues);
  const drafts = useYValue(indexDoc, readDrafts).entries;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = issues.find((issue) => issue.id === selectedId);
  const access = writeAccess(session);
  const writable = access === 'write';

  return (
    <div className="issues-screen">
      <style>{PREVIEW_FONT_CSS}</style>
      <IssueListPanel
        session={session}
        indexDoc={indexDoc}
        issues={issues}
        selectedId={selected ? selected.id : null}
        writable={writable}
        removed={access === 'removed'}
        onSelect={setSelectedId}
        onCreate={(masthead, layout) => {
          const created = createIssue(indexDoc, masthead, layout, Date.now());
          if (created.ok) setSelectedId(created.value);
          return created;
        }}
      />
      {selected ? (
        <IssueWorkspace
          key={selected.id}
          session={session}
          indexDoc={indexDoc}
          issue={selected}
          drafts={drafts}
          writable={writable}
          onDeleted={() => setSelectedId(null)}
        />
      ) : (
        <div className="issues-screen__none">
          <p className="muted">
            {t(issues.length === 0 ? 'export.noneYet' : 'export.noneSelected')}
          </p>
        </div>
      )}
    </div>
  );
}
