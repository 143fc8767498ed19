import type { EditorState } from '@tiptap/pm/state';
import { CELL_LIMITS } from '../../shared/cell/cellLimits.ts';
import type { CommentAnchor } from '../../shared/cell/CommentThread.ts';
import { commentAnchorPoint } from '../../shared/cell/commentAnchorPoint.ts';
import { yBinding, yPositionAt } from './yBinding.ts';

/** An anchor for a comment on the editor's selection, or undefined when nothing is selected. */
export function selectionAnchor(state: EditorState): CommentAnchor | undefined {
  const { from, to, empty } = state.selection;
  const binding = yBinding(state);
  if (empty || !binding) return undefined;
  const start = yPositionAt(binding, from);
  const end = yPositionAt(binding, to);
  if (!start || !end) return undefined;
  const quote = state.doc.textBetween(from, to, '\n').slice(0, CELL_LIMITS.commentQuoteMaxChars);
  if (quote.trim() === '') return undefined;
  return {
    start: commentAnchorPoint(start.type, start.index, 'start'),
    end: commentAnchorPoint(end.type, end.index, 'end'),
    quote,
  };
}
