import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentEntry, CommentThread } from '../../shared/cell/CommentThread.ts';
import { formatRelativeTime } from '../drafts/formatRelativeTime.ts';
import { CommentForm } from './CommentForm.tsx';

function CommentBody({
  entry,
  now,
  nameOf,
}: {
  readonly entry: CommentEntry;
  readonly now: number;
  readonly nameOf: (signPkHex: string) => string;
}): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p className="comment__meta">
        {t('editor.comments.by', {
          who: nameOf(entry.author),
          when: formatRelativeTime(entry.at, now, i18n.language),
        })}
      </p>
      <p className="comment__text">{entry.text}</p>
    </>
  );
}

/** One thread: what it is on, the comment and its replies, and what a member can do with it. */
export function CommentThreadItem({
  thread,
  located,
  active,
  now,
  nameOf,
  writable,
  mayReply = writable,
  onShow,
  onReply,
  onResolve,
}: {
  readonly thread: CommentThread;
  /** False when the text it was on is gone from the draft. */
  readonly located: boolean;
  readonly active: boolean;
  readonly now: number;
  readonly nameOf: (signPkHex: string) => string;
  /** May resolve and reopen (a writer). */
  readonly writable: boolean;
  /** May reply: a writer, or a reader where the cell lets readers comment. */
  readonly mayReply?: boolean;
  readonly onShow: () => void;
  readonly onReply: (text: string) => string | undefined;
  readonly onResolve: (resolved: boolean) => void;
}): ReactElement {
  const { t } = useTranslation();
  const who = nameOf(thread.author);
  return (
    <li
      className={`comment${active ? ' comment--active' : ''}${thread.resolved ? ' comment--resolved' : ''}`}
      aria-label={t('editor.comments.threadLabel', { who })}
    >
      <p className="comment__quote">
        {located
          ? t('editor.comments.on', { quote: thread.anchor.quote })
          : t('editor.comments.gone', { quote: thread.anchor.quote })}
      </p>
      <CommentBody entry={thread} now={now} nameOf={nameOf} />
      {thread.replies.length > 0 ? (
        <ul className="comment__replies">
          {thread.replies.map((reply) => (
            <li key={reply.id} className="comment__reply">
              <CommentBody entry={reply} now={now} nameOf={nameOf} />
            </li>
          ))}
        </ul>
      ) : null}
      {thread.resolved ? (
        <p className="comment__meta">
          {t('editor.comments.resolvedBy', { who: nameOf(thread.resolvedBy) })}
        </p>
      ) : null}
      <span className="comment__actions">
        {located ? (
          <button
            type="button"
            className="button--quiet"
            onClick={onShow}
            aria-label={t('editor.comments.showNamed', { who })}
          >
            {t('editor.comments.show')}
          </button>
        ) : null}
        {writable ? (
          <button
            type="button"
            className="button--quiet"
            onClick={() => onResolve(!thread.resolved)}
            aria-label={t(
              thread.resolved ? 'editor.comments.reopenNamed' : 'editor.comments.resolveNamed',
              { who },
            )}
          >
            {t(thread.resolved ? 'editor.comments.reopen' : 'editor.comments.resolve')}
          </button>
        ) : null}
      </span>
      {mayReply && !thread.resolved ? (
        <CommentForm
          label={t('editor.comments.replyLabel', { who })}
          submitLabel={t('editor.comments.reply')}
          onSubmit={onReply}
        />
      ) : null}
    </li>
  );
}
