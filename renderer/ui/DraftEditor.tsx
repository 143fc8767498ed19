import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../drafts/draftSchema.ts';
import { useYText } from '../editor/useYText.ts';

/** The plain-text editor of one draft, bound live to its Y.Text. */
export function DraftEditor({ draft }: { readonly draft: DraftSummary | undefined }): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const textareaRef = useYText(draft?.body);
  if (!draft) {
    return (
      <section className="editor editor--empty">
        <p className="muted">{t('editor.noneSelected')}</p>
      </section>
    );
  }
  const title = draft.title === '' ? t('drafts.untitled') : draft.title;
  return (
    <section className="editor" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <textarea
        ref={textareaRef}
        className="editor__text"
        aria-label={t('editor.textLabel', { title })}
        spellCheck
      />
    </section>
  );
}
