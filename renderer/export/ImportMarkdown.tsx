import { useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { createDraft } from '../../shared/cell/createDraft.ts';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { draftDocId } from '../../shared/cell/draftDocId.ts';
import { markdownToBlocks } from '../../shared/export/markdownToBlocks.ts';
import { splitImportTitle } from '../../shared/export/splitImportTitle.ts';
import { writeBlocks } from '../../shared/export/writeBlocks.ts';
import type { CellSession } from '../session/CellSession.ts';

/** Larger files are refused before they are read (markdownToBlocks has its own cap as well). */
export const MARKDOWN_IMPORT_MAX_BYTES = 512 * 1024;

type Outcome = { readonly kind: 'imported' | 'error'; readonly text: string };

/**
 * Imports a Markdown file as a new draft: headings, lists, quotes, bold, italic and http(s)
 * links come through; raw HTML does not. The draft is titled after the file's opening level-1
 * heading, or else after the file (splitImportTitle). A refused file
 * changes nothing.
 */
export function ImportMarkdown({
  session,
  indexDoc,
}: {
  readonly session: CellSession;
  readonly indexDoc: Y.Doc;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File): Promise<void> => {
    if (file.size > MARKDOWN_IMPORT_MAX_BYTES) {
      setOutcome({
        kind: 'error',
        text: t('export.import.tooLarge', { kb: MARKDOWN_IMPORT_MAX_BYTES / 1024 }),
      });
      return;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      setOutcome({ kind: 'error', text: t('export.import.notText') });
      return;
    }
    const blocks = markdownToBlocks(text);
    if (!blocks.ok) {
      setOutcome({
        kind: 'error',
        text:
          blocks.error === 'too-large'
            ? t('export.import.tooLarge', { kb: MARKDOWN_IMPORT_MAX_BYTES / 1024 })
            : t('export.import.empty'),
      });
      return;
    }
    const split = splitImportTitle(blocks.value, file.name);
    const title = split.title === '' ? t('export.import.untitled') : split.title;
    const created = createDraft(indexDoc, title, session.me.signPkHex);
    const docId = created.ok ? draftDocId(created.value) : undefined;
    if (!docId) {
      setOutcome({ kind: 'error', text: t('export.import.failed') });
      return;
    }
    writeBlocks(draftBody(session.doc(docId)), split.body);
    setOutcome({ kind: 'imported', text: t('export.import.done', { title }) });
  };

  return (
    <div className="import-markdown">
      <label htmlFor={id}>{t('export.import.label')}</label>
      <p className="muted small" id={`${id}-hint`}>
        {t('export.import.hint')}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        accept=".md,.markdown,.txt,text/markdown,text/plain"
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          void importFile(file).finally(() => {
            // The same file can be chosen again.
            if (input.current) input.current.value = '';
          });
        }}
      />
      <p role="status" className={outcome?.kind === 'error' ? 'error' : 'muted small'}>
        {outcome?.text ?? ''}
      </p>
    </div>
  );
}
