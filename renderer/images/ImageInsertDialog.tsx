import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { ImageWriter } from '../../shared/images/checkImageBudget.ts';
import type { CoverRegion } from '../../shared/images/coverRegions.ts';
import { IMAGE_LIMITS } from '../../shared/images/imageLimits.ts';
import { ModalDialog } from '../editor/ModalDialog.tsx';
import { insertImage } from './insertImage.ts';
import type { ImageStore } from './ImageStore.ts';
import { CoverRegionsEditor } from './CoverRegionsEditor.tsx';
import { RemovedMetadata } from './RemovedMetadata.tsx';
import type { SanitizeError, SanitizeResponse } from './sanitizeMessages.ts';
import { sanitizeImageInWorker } from './sanitizeImageInWorker.ts';
import './images.css';

type Cleaned = Extract<SanitizeResponse, { ok: true }>;

const NONE: CoverRegion[] = [];
const sameRegions = (a: readonly CoverRegion[], b: readonly CoverRegion[]): boolean =>
  a.length === b.length &&
  a.every((r, i) => {
    const o = b[i];
    return (
      o !== undefined && r.x === o.x && r.y === o.y && r.width === o.width && r.height === o.height
    );
  });
type Failure = SanitizeError | 'member_images_count' | 'member_images_bytes' | 'write_failed';

/**
 * Inserting one image: the file is sanitised in a worker at once (re-encoded pixels only); the
 * dialog shows the clean result, what the original carried and was removed, and asks for alt
 * text (or "decorative") and a caption before anything enters the cell.
 */
export function ImageInsertDialog({
  file,
  editor,
  store,
  indexDoc,
  writer,
  onClose,
}: {
  readonly file: File | undefined;
  readonly editor: Editor;
  readonly store: ImageStore;
  readonly indexDoc: Y.Doc;
  readonly writer: ImageWriter;
  readonly onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const titleId = useId();
  const [noise, setNoise] = useState(true);
  const [cleaned, setCleaned] = useState<Cleaned | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const [previewUrl, setPreviewUrl] = useState<string | undefined>();
  const [alt, setAlt] = useState('');
  const [decorative, setDecorative] = useState(false);
  const [caption, setCaption] = useState('');
  const [altMissing, setAltMissing] = useState(false);
  const [regions, setRegions] = useState<CoverRegion[]>(NONE);
  // The regions the sanitiser last ran with: a burst of arrow keys runs it once, after a pause.
  const [applied, setApplied] = useState<CoverRegion[]>(NONE);
  const [busy, setBusy] = useState(false);
  // The preview's blob URL, revoked when replaced and when the dialog goes.
  const previewRef = useRef<string | undefined>(undefined);
  const showPreview = useCallback((url: string | undefined): void => {
    if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    previewRef.current = url;
    setPreviewUrl(url);
  }, []);

  // A new file starts from empty fields (the dialog stays mounted between images).
  useEffect(() => {
    setAlt('');
    setDecorative(false);
    setCaption('');
    setAltMissing(false);
    setRegions(NONE);
    setApplied(NONE);
    setCleaned(undefined);
    showPreview(undefined);
  }, [file, showPreview]);

  useEffect(() => {
    const timer = setTimeout(
      () => setApplied((old) => (sameRegions(old, regions) ? old : regions)),
      300,
    );
    return () => clearTimeout(timer);
  }, [regions]);

  useEffect(() => {
    setFailure(undefined);
    if (!file) return;
    if (file.size > IMAGE_LIMITS.sourceMaxBytes) {
      // Refused before a byte of it is read.
      setFailure('file_too_large');
      return;
    }
    let live = true;
    setBusy(true);
    void file
      .arrayBuffer()
      .then((buffer) => sanitizeImageInWorker(new Uint8Array(buffer), { noise, regions: applied }))
      .catch((): SanitizeResponse => ({ ok: false, error: 'crashed' }))
      .then((result) => {
        if (!live) return;
        setBusy(false);
        if (!result.ok) {
          setCleaned(undefined);
          setFailure(result.error);
          return;
        }
        const url = URL.createObjectURL(
          new Blob([new Uint8Array(result.bytes)], { type: result.mime }),
        );
        // The previous preview stays up (and focus in the region editor) until this one is ready.
        showPreview(url);
        setCleaned(result);
      });
    return () => {
      live = false;
    };
  }, [file, noise, applied, showPreview]);

  useEffect(() => () => showPreview(undefined), [showPreview]);

  // What would be inserted is what the preview shows, with every region the member drew.
  const current = cleaned !== undefined && !busy && sameRegions(applied, regions);

  const insert = (): void => {
    if (!cleaned || !current) return;
    const text = alt.trim();
    if (!decorative && text === '') {
      setAltMissing(true);
      return;
    }
    const done = insertImage(editor, store, indexDoc, writer, cleaned, {
      alt: decorative ? '' : text,
      decorative,
      caption: caption.trim(),
    });
    if (done.ok) onClose();
    else setFailure(done.error);
  };

  const failureText =
    failure === 'member_images_count'
      ? t('images.error.member_images_count', { max: IMAGE_LIMITS.memberMaxImages })
      : failure === 'member_images_bytes'
        ? t('images.error.member_images_bytes', { max: IMAGE_LIMITS.memberMaxBytes / 1024 / 1024 })
        : failure
          ? t(`images.error.${failure}`)
          : '';

  return (
    <ModalDialog
      open={file !== undefined}
      labelledBy={titleId}
      onClose={onClose}
      className="image-insert"
    >
      <h2 id={titleId}>{t('images.dialogTitle')}</h2>
      {failure ? <p role="alert">{failureText}</p> : null}
      {!cleaned && !failure ? <p role="status">{t('images.cleaning')}</p> : null}
      {cleaned && previewUrl ? (
        <form
          className="image-insert__form"
          onSubmit={(event) => {
            event.preventDefault();
            insert();
          }}
        >
          <CoverRegionsEditor url={previewUrl} regions={regions} onChange={setRegions} />
          <p>
            {t('images.stored', {
              width: cleaned.width,
              height: cleaned.height,
              size: Math.ceil(cleaned.bytes.length / 1024),
            })}
          </p>
          {current ? null : (
            <p role="status">
              {sameRegions(applied, regions) ? t('images.cleaning') : t('images.cover.applying')}
            </p>
          )}
          <RemovedMetadata items={cleaned.removed} />
          <label className="image-insert__check">
            <input type="checkbox" checked={noise} onChange={(e) => setNoise(e.target.checked)} />
            {t('images.noise')}
          </label>
          <label>
            {t('images.altLabel')}
            <textarea
              value={alt}
              disabled={decorative}
              maxLength={IMAGE_LIMITS.altMaxChars}
              aria-invalid={altMissing && !decorative && alt.trim() === ''}
              onChange={(e) => {
                setAlt(e.target.value);
                setAltMissing(false);
              }}
            />
          </label>
          <label className="image-insert__check">
            <input
              type="checkbox"
              checked={decorative}
              onChange={(e) => setDecorative(e.target.checked)}
            />
            {t('images.decorative')}
          </label>
          {altMissing && !decorative ? <p role="alert">{t('images.altRequired')}</p> : null}
          <label>
            {t('images.captionLabel')}
            <input
              type="text"
              value={caption}
              maxLength={IMAGE_LIMITS.captionMaxChars}
              onChange={(e) => setCaption(e.target.value)}
            />
          </label>
          <div className="modal__actions">
            <button type="button" className="button--quiet" onClick={onClose}>
              {t('editor.cancel')}
            </button>
            <button type="submit" disabled={!current}>
              {t('images.insertButton')}
            </button>
          </div>
        </form>
      ) : (
        <div className="modal__actions">
          <button type="button" className="button--quiet" onClick={onClose}>
            {t('editor.cancel')}
          </button>
        </div>
      )}
    </ModalDialog>
  );
}
