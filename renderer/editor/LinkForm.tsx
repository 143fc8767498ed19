import type { Editor } from '@tiptap/core';
import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedLinkHref } from '../../shared/cell/isAllowedLinkHref.ts';

/**
 * Sets, changes or removes the link at the selection. Only http(s) addresses are accepted; with
 * nothing selected the address itself is inserted as the link's text.
 */
export function LinkForm({
  editor,
  onDone,
}: {
  readonly editor: Editor;
  readonly onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const errorId = useId();
  const current: unknown = editor.getAttributes('link')['href'];
  const [href, setHref] = useState(typeof current === 'string' ? current : 'https://');
  const [invalid, setInvalid] = useState(false);

  const apply = (): void => {
    const value = href.trim();
    if (!isAllowedLinkHref(value)) {
      setInvalid(true);
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain
        .insertContent({
          type: 'text',
          text: value,
          marks: [{ type: 'link', attrs: { href: value } }],
        })
        .run();
    } else {
      chain.extendMarkRange('link').setLink({ href: value }).run();
    }
    onDone();
  };

  return (
    <form
      className="link-form"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        editor.commands.focus();
        onDone();
      }}
    >
      <label htmlFor={id}>{t('editor.linkUrlLabel')}</label>
      <input
        id={id}
        type="url"
        value={href}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setInvalid(false);
        }}
      />
      <button type="submit">{t('editor.linkApply')}</button>
      {editor.isActive('link') ? (
        <button
          type="button"
          className="button--quiet"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run();
            onDone();
          }}
        >
          {t('editor.linkRemove')}
        </button>
      ) : null}
      <button
        type="button"
        className="button--quiet"
        onClick={() => {
          editor.commands.focus();
          onDone();
        }}
      >
        {t('editor.cancel')}
      </button>
      {invalid ? (
        <p id={errorId} className="form-error" role="alert">
          {t('editor.linkInvalid')}
        </p>
      ) : null}
    </form>
  );
}
