import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** Yjs type -> editor node(s), as the binding keeps it (y-tiptap does not export the type). */
type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** What the Yjs binding of an editor knows: its doc, its fragment, and Yjs type -> editor node. */
export interface YBinding {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  readonly mapping: ProsemirrorMapping;
}

/** The editor's Yjs binding (@tiptap/extension-collaboration), once it is set up. */
export function yBinding(state: EditorState): YBinding | undefined {
  const sync: unknown = ySyncPluginKey.getState(state);
  if (typeof sync !== 'object' || sync === null || !('binding' in sync)) return undefined;
  const binding: unknown = sync.binding;
  if (typeof binding !== 'object' || binding === null) return undefined;
  if (!('doc' in binding) || !('type' in binding) || !('mapping' in binding)) return undefined;
  const { doc, type, mapping } = binding;
  if (!(doc instanceof Y.Doc) || !(type instanceof Y.XmlFragment) || !(mapping instanceof Map))
    return undefined;
  return { doc, type, mapping: mapping as ProsemirrorMapping };
}

/** The Yjs type and index an editor position falls on now. */
export function yPositionAt(binding: YBinding, pos: number): Y.AbsolutePosition | null {
  const toRelative: (p: number, t: Y.XmlFragment, m: ProsemirrorMapping) => Y.RelativePosition =
    absolutePositionToRelativePosition;
  return Y.createAbsolutePositionFromRelativePosition(
    toRelative(pos, binding.type, binding.mapping),
    binding.doc,
  );
}

/** The editor position an encoded relative position falls on now, or null (gone, or garbage). */
export function editorPositionOf(binding: YBinding, encoded: Uint8Array): number | null {
  try {
    const relative = Y.decodeRelativePosition(encoded);
    return relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping);
  } catch {
    return null; // a peer's garbage bytes
  }
}
