import * as Y from 'yjs';
import { draftBody } from './draftBody.ts';

/** Deeper nesting than any real document; a peer's deeper content is left out, never recursed into. */
const MAX_DEPTH = 64;
/** ProseMirror nodes that hold text even when empty. */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

function textOf(element: Y.XmlElement): string {
  let line = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown }[]) {
        if (typeof op.insert === 'string') line += op.insert;
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      line += '\n';
    }
  }
  return line;
}

function collect(node: Y.XmlElement | Y.XmlFragment, depth: number, lines: string[]): void {
  if (depth > MAX_DEPTH) return;
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const holdsText = child.toArray().some((grandchild) => grandchild instanceof Y.XmlText);
    if (holdsText || TEXTBLOCKS.has(child.nodeName)) lines.push(textOf(child));
    else collect(child, depth + 1, lines);
  }
}

/**
 * The body of a draft doc (or of a version's doc) as plain text: one line per paragraph, heading
 * or list item; marks, rules and unknown nodes dropped. Never throws on a peer's odd shapes.
 */
export function draftPlainText(draftDoc: Y.Doc): string {
  const lines: string[] = [];
  collect(draftBody(draftDoc), 0, lines);
  return lines.join('\n');
}
