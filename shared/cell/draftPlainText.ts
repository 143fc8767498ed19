import * as Y from 'yjs';
import { draftBody } from './draftBody.ts';

/** Deeper nesting than any real document; a peer's deeper content is left out, never recursed into. */
const MAX_DEPTH = 64;
/** ProseMirror nodes that hold text even when empty. */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** How one Y.XmlText reads as plain text. */
export type TextReader = (text: Y.XmlText) => string;

/** Every string the text holds (embeds left out), whatever marks it carries. */
const allText: TextReader = (text) => {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) {
    if (typeof op.insert === 'string') out += op.insert;
  }
  return out;
};

function textOf(element: Y.XmlElement, read: TextReader): string {
  let line = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      line += read(child);
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      line += '\n';
    }
  }
  return line;
}

function collect(
  node: Y.XmlElement | Y.XmlFragment,
  depth: number,
  lines: string[],
  read: TextReader,
): void {
  if (depth > MAX_DEPTH) return;
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const holdsText = child.toArray().some((grandchild) => grandchild instanceof Y.XmlText);
    if (holdsText || TEXTBLOCKS.has(child.nodeName)) lines.push(textOf(child, read));
    else collect(child, depth + 1, lines, read);
  }
}

/**
 * The body of a draft doc (or of a version's doc) as plain text: one line per paragraph, heading
 * or list item; marks, rules and unknown nodes dropped. Never throws on a peer's odd shapes.
 * `read` says how a text reads (default: all of it, open suggestions included as they stand).
 */
export function draftPlainText(draftDoc: Y.Doc, read: TextReader = allText): string {
  const lines: string[] = [];
  collect(draftBody(draftDoc), 0, lines, read);
  return lines.join('\n');
}
