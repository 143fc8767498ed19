import type * as Y from 'yjs';
import type { ClientAuthors } from './ClientAuthors.ts';

/** One comment or reply, validated, with its verified author (signPk hex). */
export interface CommentEntry {
  readonly id: string;
  readonly author: string;
  readonly text: string;
  readonly at: number;
}

/** Where a thread points in the body: encoded Y.RelativePositions, and the text as it was. */
export interface CommentAnchor {
  readonly start: Uint8Array;
  readonly end: Uint8Array;
  readonly quote: string;
}

/** A thread: its first comment, anchored, with replies oldest first. */
export interface CommentThread extends CommentEntry {
  readonly anchor: CommentAnchor;
  readonly resolved: boolean;
  /** Who resolved or reopened it last (verified), '' when never set or not known. */
  readonly resolvedBy: string;
  readonly replies: readonly CommentEntry[];
  /**
   * The thread lives in the draft's comments document (commentsDocId), not in the draft doc
   * itself (where threads were kept before readers could comment): its 'resolved' goes there.
   */
  readonly inCommentsDoc?: true;
}

/** A document comments are read from, with the engine's verified writers of that document. */
export interface CommentSource {
  readonly doc: Y.Doc;
  readonly authors: ClientAuthors;
}
