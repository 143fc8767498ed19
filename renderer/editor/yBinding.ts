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

/** The start of a Y.XmlText as an encoded relative position (the text itself, not its first item). */
export const textStart = (text: Y.XmlText): Uint8Array =>
  Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, 0, -1));

/** The editor position an encoded relative position falls on now, or null (gone, or garbage). */
export function editorPositionOf(binding: YBinding, encoded: Uint8Array): number | null {
  let relative: Y.RelativePosition;
  try {
    relative = Y.decodeRelativePosition(encoded);
  } catch {
    return null; // a peer's garbage bytes
  }
  const direct = relativePositionToAbsolutePosition(
    binding.doc,
    binding.type,
    relative,
    binding.mapping,
  );
  if (direct !== null) return direct;
  // y-tiptap answers null for a position on the first character of a text (index 0, sticking to
  // the right): resolve it as where that text starts plus the index.
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  const start = Y.decodeRelativePosition(textStart(absolute.type));
  const base = relativePositionToAbsolutePosition(
    binding.doc,
    binding.type,
    start,
    binding.mapping,
  );
  return base === null ? null : base + absolute.index;
}
