import * as Y from 'yjs';

/** Deeper than any draft the editor accepts (depthLimit): a peer's deeper doc is not walked. */
const MAX_DEPTH = 64;

/**
 * Calls `visit` for every item in `fragment`'s lists, depth first, in document order, deleted
 * items included (a garbage-collected one keeps its place and length as ContentDeleted). Does not
 * descend into deleted elements: their children were collected.
 */
export function walkItems(fragment: Y.XmlFragment, visit: (item: Y.Item) => void): void {
  const walk = (type: { readonly _start: Y.Item | null }, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (let item = type._start; item !== null; item = item.right) {
      visit(item);
      if (!item.deleted && item.content instanceof Y.ContentType)
        walk(item.content.type, depth + 1);
    }
  };
  walk(fragment, 0);
}
