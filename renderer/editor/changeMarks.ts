import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import * as Y from 'yjs';
import type { ClientAuthors } from '../../shared/cell/ClientAuthors.ts';
import { changesSince, type Changes } from '../../shared/seen/changesSince.ts';
import type { SeenState } from '../../shared/seen/SeenState.ts';
import { refreshOnDocUpdate } from './refreshOnDocUpdate.ts';
import { editorPositionOf, textStart, yBinding, type YBinding } from './yBinding.ts';

/** What the marks need besides the document and the last-seen state: names and words. */
export interface ChangeMarksView {
  /** A member's pseudonym (or "unknown") for an author key, undefined for no verified author. */
  readonly nameOf: (author: string | undefined) => string;
  /** The text of a deletion mark: `characters` deleted here, or a whole block when undefined. */
  readonly deletedLabel: (characters: number | undefined) => string;
}

interface MarksState {
  readonly view: ChangeMarksView | null;
  readonly decorations: DecorationSet;
}

export const changeMarksKey = new PluginKey<MarksState>('changeMarks');

function deletionMark(label: string): HTMLElement {
  // <del> says what it is to assistive technology; the text itself is gone (collected). The label
  // is generated content (CSS), so it is read and seen but never part of the editor's text.
  const mark = document.createElement('del');
  mark.className = 'change-deleted';
  mark.dataset['label'] = label;
  return mark;
}

const positionIn = (
  binding: YBinding,
  parent: Y.XmlFragment | Y.XmlElement,
  index: number,
): number | null =>
  editorPositionOf(
    binding,
    Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(parent, index)),
  );

function decorate(state: EditorState, changes: Changes, view: ChangeMarksView): DecorationSet {
  const binding = yBinding(state);
  if (!binding) return DecorationSet.empty;
  const size = state.doc.content.size;
  const decorations: Decoration[] = [];
  /** A mark where something was deleted: a widget only where no character can carry it. */
  const deletion = (pos: number, characters: number | undefined, text?: [number, number]): void => {
    if (pos < 0 || pos > size) return;
    const label = view.deletedLabel(characters);
    // On the character beside it (a label drawn by CSS), not a widget: a non-editable node in the
    // text would swallow the Delete key pressed next to it.
    const side = text && pos < text[1] ? 'before' : text && pos > text[0] ? 'after' : undefined;
    if (side) {
      const [from, to] = side === 'before' ? [pos, pos + 1] : [pos - 1, pos];
      decorations.push(
        Decoration.inline(from, to, {
          class: `change-deleted change-deleted--${side}`,
          'data-label': label,
        }),
      );
      return;
    }
    decorations.push(
      Decoration.widget(pos, () => deletionMark(label), {
        side: -1,
        ignoreSelection: true,
        key: `deleted:${characters ?? 'block'}:${label}`,
      }),
    );
  };
  for (const { text, runs } of changes.texts) {
    const base = editorPositionOf(binding, textStart(text));
    if (base === null) continue;
    const length = runs.reduce((n, run) => n + (run.kind === 'deleted' ? 0 : run.length), 0);
    const span: [number, number] = [base, base + length];
    let offset = 0;
    for (const run of runs) {
      if (run.kind === 'deleted') {
        deletion(base + offset, run.characters, span);
        continue;
      }
      const from = base + offset;
      offset += run.length;
      if (run.kind === 'inserted' && base + offset <= size)
        decorations.push(
          Decoration.inline(from, base + offset, {
            class: 'change-inserted',
            'data-changed-by': view.nameOf(run.author),
          }),
        );
    }
  }
  for (const { parent, index } of changes.removedBlocks) {
    const pos = positionIn(binding, parent, index);
    if (pos !== null) deletion(pos, undefined);
  }
  for (const { parent, index, author } of changes.insertedLeaves) {
    const pos = positionIn(binding, parent, index);
    const node = pos === null ? null : state.doc.nodeAt(pos);
    if (pos !== null && node && pos + node.nodeSize <= size)
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, {
          class: 'change-inserted-node',
          'data-changed-by': view.nameOf(author),
        }),
      );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Shows what changed since she last looked, or hides the marks (null). */
export function showChanges(editor: Editor, view: ChangeMarksView | null): void {
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(changeMarksKey, { view }));
}

/**
 * Marks what others inserted (highlighted, with who) and deleted (a label where it was, saying
 * how much: the text itself was collected) since this member last looked, from
 * changesSince over the verified clientID -> author binding. Registered on the editor from
 * outside (DraftWorkspace), so the editor's own extensions stay as they are. `seen` is read at
 * each refresh, so her own edits (folded into it as she makes them) never flash up as changes.
 * Decorations only: nothing reaches the doc, a copy, an export or a print.
 */
export function changeMarksPlugin(
  doc: Y.Doc,
  authors: ClientAuthors,
  isMine: (author: string | undefined) => boolean,
  seen: () => SeenState | null | undefined,
): Plugin<MarksState> {
  return new Plugin<MarksState>({
    key: changeMarksKey,
    state: {
      init: () => ({ view: null, decorations: DecorationSet.empty }),
      apply: (tr, value, _old, state) => {
        const meta = tr.getMeta(changeMarksKey) as
          { view?: ChangeMarksView | null } | 'refresh' | undefined;
        if (meta === undefined) {
          return tr.docChanged
            ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
            : value;
        }
        const view = meta === 'refresh' ? value.view : (meta.view ?? null);
        const binding = yBinding(state);
        const since = seen();
        const decorations =
          view && binding && since
            ? decorate(state, changesSince(binding.type, since, authors, isMine), view)
            : DecorationSet.empty;
        return { view, decorations };
      },
    },
    props: { decorations: (state) => changeMarksKey.getState(state)?.decorations },
    view: (view) =>
      refreshOnDocUpdate(view, changeMarksKey, doc, () =>
        Boolean(changeMarksKey.getState(view.state)?.view),
      ),
  });
}
