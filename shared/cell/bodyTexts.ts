import type * as Y from 'yjs';
import { draftBody } from './draftBody.ts';
import { fragmentTexts } from './fragmentTexts.ts';

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
  return fragmentTexts(draftBody(draftDoc)).map((type) => ({ type, text: xmlTextString(type) }));
}
