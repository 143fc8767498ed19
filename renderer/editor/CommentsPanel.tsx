import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addComment } from '../../shared/cell/addComment.ts';
import { anchoredText } from '../../shared/cell/anchoredText.ts';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import type { CommentSource, CommentThread } from '../../shared/cell/CommentThread.ts';
import { listComments } from '../../shared/cell/listComments.ts';
import { replyToComment } from '../../shared/cell/replyToComment.ts';
import { setCommentResolved } from '../../shared/cell/setCommentResolved.ts';
import { useNow } from '../drafts/useNow.ts';
import { useYValue } from '../drafts/useYValue.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentThreadItem } from './CommentThreadItem.tsx';
import { markThreads, threadRange } from './commentHighlights.ts';
import { selectionAnchor } from './selectionAnchor.ts';
import './comments.css';

/**
 * The comments of a draft beside its editor: comment on the selected text, reply, resolve and
 * reopen, jump to the text a comment is on. Open threads are marked in the text. Authors are the
 * verified writers (listComments), never a stored name. New threads and replies go to the draft's
 * comments document (`comments`); threads made before it existed stay in the draft doc and are
 * read, answered and resolved there.
 */
export function CommentsPanel({
  draftDoc,
  authors,
  comments,
  editor,
  nameOf,
  me,
  writable,
  mayComment,
}: {
  readonly draftDoc: Y.Doc;
  readonly authors: ClientAuthors;
  readonly comments: CommentSource;
  readonly editor: Editor | null;
  readonly nameOf: (signPkHex: string) => string;
  /** This member's signing key (hex): her own comments count toward her cap. */
  readonly me: string;
  /** May edit the draft: resolve and reopen too. */
  readonly writable: boolean;
  /** May add comments and replies: a writer, or a reader where the cell lets readers comment. */
  readonly mayComment: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const headingId = useId();
  const now = useNow();
  // The whole doc: a thread's "text is gone" follows edits of the body too; the comments
  // document's updates are followed by keying the read on its own revision below.
  const commentsRevision = useYValue(
    comments.doc,
    useCallback(() => ({}), []),
  );
  const read = useCallback(() => {
    void commentsRevision;
    return listComments(draftDoc, authors, comments);
  }, [draftDoc, authors, comments, commentsRevision]);
  const { entries, dropped } = useYValue(draftDoc, read);
  // May comment without writing: a reader, whose comments go to her own root (commentsFor).
  const commenter = { authors: comments.authors, member: me, reader: mayComment && !writable };
  const [active, setActive] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const open = entries.filter((thread) => !thread.resolved);
  const resolved = entries.filter((thread) => thread.resolved);

  useEffect(() => {
    if (!editor) return;
    const marked = entries.filter((thread) => !thread.resolved);
    markThreads(editor, marked, active);
  }, [editor, entries, active]);

  const located = (thread: CommentThread): boolean =>
    editor && !editor.isDestroyed
      ? threadRange(editor.state, thread.anchor) !== undefined
      : anchoredText(draftDoc, thread.anchor) !== undefined;

  const show = (thread: CommentThread): void => {
    setActive(thread.id);
    const range = editor ? threadRange(editor.state, thread.anchor) : undefined;
    if (!editor || !range) return;
    editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  };

  const add = (text: string): string | undefined => {
    const anchor = editor && !editor.isDestroyed ? selectionAnchor(editor.state) : undefined;
    if (!anchor) return t('editor.comments.needSelection');
    const result = addComment(comments.doc, text, anchor, Date.now(), commenter);
    if (!result.ok) return t('editor.comments.addFailed');
    setActive(result.value);
    setNotice(t('editor.comments.added'));
    return undefined;
  };

  const item = (thread: CommentThread): ReactElement => (
    <CommentThreadItem
      key={thread.id}
      thread={thread}
      located={located(thread)}
      active={thread.id === active}
      now={now}
      nameOf={nameOf}
      writable={writable}
      mayReply={mayComment}
      onShow={() => show(thread)}
      onReply={(text) =>
        replyToComment(comments.doc, thread.id, text, Date.now(), commenter, draftDoc).ok
          ? undefined
          : t('editor.comments.replyFailed')
      }
      onResolve={(next) => {
        const home = thread.inCommentsDoc ? comments.doc : draftDoc;
        if (!setCommentResolved(home, thread.id, next).ok) return;
        setNotice(t(next ? 'editor.comments.resolved' : 'editor.comments.reopened'));
      }}
    />
  );

  return (
    <section className="comments" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('editor.comments.heading')}</h3>
      {mayComment && !writable ? (
        <p className="muted small" data-note="reader-comments">
          {t('editor.comments.readerNote')}
        </p>
      ) : null}
      {mayComment ? (
        <CommentForm
          label={t('editor.comments.newLabel')}
          submitLabel={t('editor.comments.add')}
          onSubmit={add}
        />
      ) : null}
      <p className="comments__notice" role="status">
        {notice}
      </p>
      {open.length === 0 ? (
        <p className="muted">{t('editor.comments.empty')}</p>
      ) : (
        <ul className="comments__list">{open.map(item)}</ul>
      )}
      {resolved.length > 0 ? (
        <details className="comments__resolved">
          <summary>{t('editor.comments.resolvedHeading', { n: resolved.length })}</summary>
          <ul className="comments__list">{resolved.map(item)}</ul>
        </details>
      ) : null}
      {dropped > 0 ? (
        <p className="muted small">{t('editor.comments.dropped', { n: dropped })}</p>
      ) : null}
    </section>
  );
}
