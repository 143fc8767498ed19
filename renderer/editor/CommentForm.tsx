import { useId, useState, type ReactElement } from 'react';
import { CELL_LIMITS } from '../../shared/cell/cellLimits.ts';

/**
 * A labelled text area and a button, for a new comment or a reply. `onSubmit` returns an error
 * message to show, or undefined when the text was taken (the field is then cleared).
 */
export function CommentForm({
  label,
  submitLabel,
  onSubmit,
}: {
  readonly label: string;
  readonly submitLabel: string;
  readonly onSubmit: (text: string) => string | undefined;
}): ReactElement {
  const id = useId();
  const errorId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (): void => {
    if (text.trim() === '') return;
    const problem = onSubmit(text);
    setError(problem);
    if (problem === undefined) setText('');
  };
  return (
    <form
      className="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={text}
        rows={2}
        maxLength={CELL_LIMITS.commentMaxChars}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Ctrl/Cmd+Enter sends, as in most editors; Enter alone is a new line.
          if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
          event.preventDefault();
          submit();
        }}
      />
      <button type="submit" disabled={text.trim() === ''}>
        {submitLabel}
      </button>
      {error === undefined ? null : (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
