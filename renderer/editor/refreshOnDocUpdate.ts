import type { PluginKey, PluginView } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';

/**
 * A plugin view that re-dispatches `key`'s 'refresh' meta one tick after every change of `doc`,
 * while `active` says the plugin shows anything: decorations computed from Yjs state (relative
 * positions, clientIDs) move as others edit. Deferred, so a burst of updates costs one refresh.
 */
export function refreshOnDocUpdate(
  view: EditorView,
  key: PluginKey,
  doc: Y.Doc | null | undefined,
  active: () => boolean,
): PluginView {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = (): void => {
    if (timer !== undefined || !active()) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(key, 'refresh'));
    }, 0);
  };
  doc?.on('update', changed);
  return {
    destroy: () => {
      doc?.off('update', changed);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
