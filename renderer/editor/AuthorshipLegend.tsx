import type { Editor } from '@tiptap/core';
import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { showAuthorship } from './authorshipColours.ts';

/** One person as the legend shows them: every key they wrote with, a name and a colour. */
export interface AuthorPerson {
  readonly keys: readonly string[];
  readonly name: string;
  readonly colour: string;
}

/**
 * "Who wrote what": a toggle that underlines the text in the colour of whoever wrote it (the
 * verified author of each Yjs item), and the legend of names and colours while it is on.
 */
export function AuthorshipLegend({
  editor,
  people,
}: {
  readonly editor: Editor | null;
  readonly people: readonly AuthorPerson[];
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const [on, setOn] = useState(false);
  useEffect(() => {
    if (!editor) return;
    const look = (author: string): { colour: string; name: string } | undefined =>
      people.find((person) => person.keys.includes(author));
    showAuthorship(editor, on ? look : null);
  }, [editor, on, people]);
  return (
    <section className="authorship" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('editor.authorship.heading')}</h3>
      <button
        type="button"
        className="button--quiet"
        aria-pressed={on}
        onClick={() => setOn((was) => !was)}
      >
        {t('editor.authorship.toggle')}
      </button>
      {on ? (
        <ul className="authorship__legend" aria-label={t('editor.authorship.legend')}>
          {people.map((person) => (
            <li key={person.keys[0]} className="authorship__person">
              <span
                className="authorship__swatch"
                aria-hidden="true"
                style={{ backgroundColor: person.colour }}
              />
              {person.name}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
