import * as Y from 'yjs';
import { draftBody } from './draftBody.ts';

/** Deeper nesting than any real document; a peer's deeper content is left out. */
const MAX_DEPTH = 64;

/** A Y.XmlText's content as a string; an embed counts as one character, as Yjs indexes do. */
export function xmlTextString(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown }[]) {
    out += typeof op.insert === 'string' ? op.insert : '\ufffc';
  }
  return out;
}

/** Every Y.XmlText of a draft's body in document order, with its content. */
export function bodyTexts(draftDoc: Y.Doc): { readonly type: Y.XmlText; readonly text: string }[] {
  const out: { type: Y.XmlText; text: string }[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push({ type: child, text: xmlTextString(child) });
      else if (child instanceof Y.XmlElement) walk(child, depth + 1);
    }
  };
  walk(draftBody(draftDoc), 0);
  return out;
}
