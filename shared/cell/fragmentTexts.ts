import * as Y from 'yjs';

/** Deeper nesting than any real document; a peer's deeper content is left out. */
const MAX_DEPTH = 64;

/** Every Y.XmlText under a fragment, in document order (nesting past MAX_DEPTH left out). */
export function fragmentTexts(fragment: Y.XmlFragment): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child, depth + 1);
    }
  };
  walk(fragment, 0);
  return out;
}
