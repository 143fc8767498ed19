import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { openVersion } from '../../shared/cell/openVersion.ts';
import type { VersionEntry } from '../../shared/cell/VersionEntry.ts';
import { ModalDialog } from './ModalDialog.tsx';
import { RichTextEditor } from './RichTextEditor.tsx';

/** Shows one saved version read-only, in a dialog; its copy lives in a throwaway local Y.Doc. */
export function VersionViewer({
  draftDoc,
  version,
  onClose,
  canRestore,
  onRestore,
}: {
  readonly draftDoc: Y.Doc;
  readonly version: VersionEntry | undefined;
  readonly onClose: () => void;
  readonly canRestore: boolean;
  readonly onRestore: (version: VersionEntry) => void;
}): ReactElement {
  const { t } = useTranslation();
  const titleId = useId();
  const [opened, setOpened] = useState<{ id: string; doc: Y.Doc | undefined } | null>(null);

  useEffect(() => {
    if (!version) return;
    const result = openVersion(draftDoc, version.id);
    const doc = result.ok ? result.value : undefined;
    setOpened({ id: version.id, doc });
    return () => doc?.destroy();
  }, [draftDoc, version]);

  const doc = opened && version && opened.id === version.id ? opened.doc : undefined;
  const name = version?.name ?? '';
  return (
    <ModalDialog
      open={version !== undefined}
      labelledBy={titleId}
      onClose={onClose}
      className="version-viewer"
    >
      <h2 id={titleId}>{t('editor.versions.viewing', { name })}</h2>
      {doc ? (
        <RichTextEditor
          fragment={draftBody(doc)}
          label={t('editor.versions.viewLabel', { name })}
          readOnly
          compact
        />
      ) : opened ? (
        <p role="alert">{t('editor.versions.cannotOpen')}</p>
      ) : null}
      <div className="modal__actions">
        <button type="button" className="button--quiet" onClick={onClose}>
          {t('editor.close')}
        </button>
        {doc && version && canRestore ? (
          <button type="button" onClick={() => onRestore(version)}>
            {t('editor.versions.restore')}
          </button>
        ) : null}
      </div>
    </ModalDialog>
  );
}
