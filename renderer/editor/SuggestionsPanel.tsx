import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { acceptSuggestion } from '../../shared/cell/acceptSuggestion.ts';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { draftBody } from '../../shared/cell/draftBody.ts';
import { findSuggestions, type SuggestionKey } from '../../shared/cell/findSuggestions.ts';
import { rejectSuggestion } from '../../shared/cell/rejectSuggestion.ts';
import { useYValue } from '../drafts/useYValue.ts';
import type { AuthorPerson } from './AuthorshipLegend.tsx';
import { showSuggestions } from './suggestionHighlights.ts';
import { setSuggesting } from './suggestMode.ts';

/** More than anyone reviews at once; a flood of proposals is listed up to here. */
const MAX_LISTED = 200;
/** How much of a suggestion's text its line quotes. */
const QUOTE = 80;

interface Listed extends SuggestionKey {
  readonly text: string;
}

const quote = (text: string): string =>
  text.length > QUOTE ? `${text.slice(0, QUOTE - 1)}…` : text;

/**
 * Suggestion mode beside the editor: the "Suggest changes" toggle, and each open suggestion
 * with its verified suggester (findSuggestions), to accept or reject one by one or all at once.
 * Accepting and rejecting are ordinary edits of the body. Suggestions are shown in the text in
 * their suggester's colour (suggestionHighlights).
 */
export function SuggestionsPanel({
  draftDoc,
  authors,
  editor,
  people,
  writable,
}: {
  readonly draftDoc: Y.Doc;
  readonly authors: ClientAuthors;
  readonly editor: Editor | null;
  readonly people: readonly AuthorPerson[];
  readonly writable: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const [suggesting, setOn] = useState(false);
  const [notice, setNotice] = useState('');
  const body = draftBody(draftDoc);
  const read = useCallback(
    (): Listed[] =>
      findSuggestions(draftBody(draftDoc), authors).map(({ kind, id, author, text }) => ({
        kind,
        id,
        author,
        text,
      })),
    [draftDoc, authors],
  );
  const open = useYValue(draftDoc, read);
  const personOf = useCallback(
    (author: string | undefined) =>
      author === undefined ? undefined : people.find((person) => person.keys.includes(author)),
    [people],
  );

  useEffect(() => {
    if (!editor) return;
    showSuggestions(editor, (author) => personOf(author));
  }, [editor, personOf]);
  useEffect(() => {
    if (editor) setSuggesting(editor, writable && suggesting);
  }, [editor, writable, suggesting]);

  const settle = (target: SuggestionKey | 'all', accept: boolean): void => {
    const settled = (accept ? acceptSuggestion : rejectSuggestion)(body, target, authors);
    if (settled === 0) return;
    const all = target === 'all';
    setNotice(
      t(
        accept
          ? all
            ? 'editor.suggestions.acceptedAll'
            : 'editor.suggestions.accepted'
          : all
            ? 'editor.suggestions.rejectedAll'
            : 'editor.suggestions.rejected',
      ),
    );
  };

  const describe = (one: Listed): string =>
    t(one.kind === 'insert' ? 'editor.suggestions.insert' : 'editor.suggestions.delete', {
      name: personOf(one.author)?.name ?? t('editor.suggestions.unknown'),
      text: quote(one.text),
    });

  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('editor.suggestions.heading')}</h3>
      {writable ? (
        <>
          <button
            type="button"
            className="button--quiet"
            aria-pressed={suggesting}
            onClick={() => setOn((was) => !was)}
          >
            {t('editor.suggestions.toggle')}
          </button>
          <p className="muted small">
            {t(suggesting ? 'editor.suggestions.suggesting' : 'editor.suggestions.editing')}{' '}
            {suggesting ? t('editor.suggestions.structure') : null}
          </p>
        </>
      ) : null}
      <p className="comments__notice" role="status">
        {notice}
      </p>
      {open.length === 0 ? (
        <p className="muted">{t('editor.suggestions.empty')}</p>
      ) : (
        <>
          <ul className="suggestions__list">
            {open.slice(0, MAX_LISTED).map((one, i) => {
              const person = personOf(one.author);
              const describedBy = `${headingId}-${i}`;
              return (
                <li
                  key={`${one.kind} ${one.id} ${one.author ?? ''}`}
                  className={`suggestion-item suggestion-item--${one.kind}`}
                  style={person ? { borderLeftColor: person.colour } : undefined}
                >
                  <span id={describedBy}>{describe(one)}</span>
                  {writable ? (
                    <span className="suggestion-item__actions">
                      <button
                        type="button"
                        aria-describedby={describedBy}
                        onClick={() => settle(one, true)}
                      >
                        {t('editor.suggestions.accept')}
                      </button>
                      <button
                        type="button"
                        aria-describedby={describedBy}
                        onClick={() => settle(one, false)}
                      >
                        {t('editor.suggestions.reject')}
                      </button>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {open.length > MAX_LISTED ? (
            <p className="muted small">
              {t('editor.suggestions.more', { n: open.length - MAX_LISTED })}
            </p>
          ) : null}
          {writable ? (
            <span className="suggestion-item__actions">
              <button type="button" onClick={() => settle('all', true)}>
                {t('editor.suggestions.acceptAll')}
              </button>
              <button type="button" onClick={() => settle('all', false)}>
                {t('editor.suggestions.rejectAll')}
              </button>
            </span>
          ) : null}
        </>
      )}
    </section>
  );
}
