import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useContext, useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { ImageInsertDialog } from '../images/ImageInsertDialog.tsx';
import { imageFileOf } from '../images/imageFileOf.ts';
import { ImageStoreContext } from '../images/ImageStoreContext.ts';
import { getPlatform } from '../platform/getPlatform.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { editorExtensions } from './editorExtensions.ts';
import { isAllowedLinkHref } from '../../shared/cell/isAllowedLinkHref.ts';
import { LinkForm } from './LinkForm.tsx';
import { sanitizePastedHtml } from './sanitizePastedHtml.ts';
import './editor.css';

/**
 * A rich-text editor bound live to a Y.XmlFragment (a draft's 'body', or a version's copy when
 * read-only). With an awareness, others' carets and selections show under their pseudonyms.
 */
export function RichTextEditor({
  fragment,
  label,
  awareness,
  user,
  readOnly = false,
  compact = false,
  autofocus = false,
  onEditor,
  authors,
}: {
  readonly fragment: Y.XmlFragment;
  readonly label: string;
  readonly awareness?: Awareness;
  readonly user?: { readonly name: string; readonly color: string };
  readonly readOnly?: boolean;
  /** A smaller, scrolling frame (the version viewer). */
  readonly compact?: boolean;
  /** Caret in the text when it opens (a new draft). */
  readonly autofocus?: boolean;
  /** Told of the editor once it exists (and of null when it goes): comments use it. */
  readonly onEditor?: (editor: Editor | null) => void;
  /** Who wrote what in the draft (verified), for its authorship colours. */
  readonly authors?: ClientAuthors;
}): ReactElement {
  const { t } = useTranslation();
  const [editingLink, setEditingLink] = useState(false);
  const [notice, setNotice] = useState('');
  // Images can be inserted where the cell's images are at hand (a draft, not a version).
  const images = useContext(ImageStoreContext);
  const indexDoc = readOnly || !images?.writer ? undefined : images.indexDoc;
  const [imageFile, setImageFile] = useState<File | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  // The editor's props are made once; they reach the current value through this ref.
  const canInsert = useRef(false);
  canInsert.current = indexDoc !== undefined;
  const takeImage = (data: DataTransfer | null): boolean => {
    const file = canInsert.current ? imageFileOf(data) : undefined;
    if (file) setImageFile(file);
    return file !== undefined;
  };
  const userName = user?.name;
  const userColor = user?.color;
  const editor = useEditor(
    {
      extensions: editorExtensions({
        fragment,
        ...(awareness ? { awareness } : {}),
        ...(userName !== undefined && userColor !== undefined
          ? { user: { name: userName, color: userColor } }
          : {}),
        onTooLarge: () => setNotice(t('editor.pasteTooLarge')),
        comments: onEditor !== undefined,
        suggest: onEditor !== undefined,
        ...(authors ? { authors } : {}),
      }),
      editable: !readOnly,
      autofocus: autofocus ? 'end' : false,
      editorProps: {
        attributes: editorAttributes(label, readOnly),
        transformPastedHTML: sanitizePastedHtml,
        // A pasted or dropped image file goes through the insert dialog (sanitised), never as is.
        handlePaste: (_view, event) => takeImage(event.clipboardData),
        handleDrop: (_view, event) => takeImage(event.dataTransfer),
      },
    },
    // Not readOnly or label: a role change (a member removed) must not tear the editor down mid-
    // render; the effect below updates them in place, mounted or not.
    [fragment, awareness, userName, userColor, authors],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({
      editable: !readOnly,
      editorProps: { ...editor.options.editorProps, attributes: editorAttributes(label, readOnly) },
    });
  }, [editor, label, readOnly]);

  useEffect(() => {
    if (!onEditor) return undefined;
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  const openLink = (): void => {
    const href: unknown = editor?.getAttributes('link')['href'];
    if (!isAllowedLinkHref(href)) return;
    void getPlatform()
      .openExternal(href)
      .then((result) => setNotice(result.ok ? '' : t('editor.openLinkRefused')));
  };

  if (!editor) return <div className="rich-editor" />;
  return (
    <div
      className={`rich-editor${compact ? ' rich-editor--compact' : ''}`}
      onKeyDown={(event) => {
        if (readOnly || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'k')
          return;
        event.preventDefault();
        setEditingLink(true);
      }}
    >
      {readOnly ? null : (
        <EditorToolbar
          editor={editor}
          onEditLink={() => setEditingLink(true)}
          onOpenLink={openLink}
          {...(indexDoc ? { onInsertImage: () => fileInput.current?.click() } : {})}
        />
      )}
      {indexDoc && images?.writer ? (
        <>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept="image/jpeg,image/png,image/webp"
            aria-label={t('images.pickFile')}
            onChange={(event) => {
              setImageFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <ImageInsertDialog
            file={imageFile}
            editor={editor}
            store={images}
            indexDoc={indexDoc}
            writer={images.writer}
            onClose={() => setImageFile(undefined)}
          />
        </>
      ) : null}
      {editingLink ? <LinkForm editor={editor} onDone={() => setEditingLink(false)} /> : null}
      <p className="rich-editor__notice" role="status">
        {notice}
      </p>
      <EditorContent editor={editor} className="rich-editor__content" />
    </div>
  );
}

/** The editable element's attributes: a labelled multi-line textbox, marked read-only when so. */
function editorAttributes(label: string, readOnly: boolean): Record<string, string> {
  return {
    class: 'rich-text',
    role: 'textbox',
    'aria-multiline': 'true',
    spellcheck: 'true',
    'aria-label': label,
    ...(readOnly ? { 'aria-readonly': 'true' } : {}),
  };
}
