import { useEffect, useState } from 'react';
import type { ExportDraft } from '../../shared/export/ExportDraft.ts';
import type { ExportImages } from '../../shared/export/ExportImage.ts';
import type { IssueLayout } from '../../shared/export/IssueLayout.ts';
import { imageDocId } from '../../shared/images/imageDocId.ts';
import type { CellSession } from '../session/CellSession.ts';
import { exportImages, issueImageIds } from './exportImages.ts';

const NONE: ExportImages = new Map();

/**
 * The issue's images re-encoded for print at the layout's print size (exportImages), for the
 * preview: done again when the layout changes, or when the
 * drafts name other images or an image document changes (an image arrives after its node).
 * Undefined while that runs, so that the preview is not laid out twice (first without them).
 */
export function useExportImages(
  session: CellSession,
  drafts: readonly ExportDraft[],
  layout: IssueLayout,
): ExportImages | undefined {
  const idsKey = issueImageIds(drafts).join(',');
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState<{ readonly key: string; readonly images: ExportImages }>({
    key: '',
    images: NONE,
  });
  const key = `${idsKey}#${version}#${layout}`;
  useEffect(() => {
    const docs = (idsKey === '' ? [] : idsKey.split(','))
      .map((id) => imageDocId(id))
      .filter((docId) => docId !== undefined)
      .map((docId) => session.doc(docId));
    const changed = (): void => setVersion((v) => v + 1);
    for (const doc of docs) doc.on('update', changed);
    return () => {
      for (const doc of docs) doc.off('update', changed);
    };
  }, [session, idsKey]);
  useEffect(() => {
    if (idsKey === '') return;
    let cancelled = false;
    void exportImages((docId) => session.doc(docId), idsKey.split(','), layout).then((images) => {
      if (!cancelled) setDone({ key: `${idsKey}#${version}#${layout}`, images });
    });
    return () => {
      cancelled = true;
    };
  }, [session, idsKey, version, layout]);
  if (idsKey === '') return NONE;
  return done.key === key ? done.images : undefined;
}
