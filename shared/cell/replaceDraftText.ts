import * as Y from 'yjs';
import { draftBody } from './draftBody.ts';

/**
 * Replaces the body with plain text, one paragraph per line (`quire draft write`), in one
 * transaction: peers see a single edit. A final newline does not add an empty paragraph.
 */
export function replaceDraftText(draftDoc: Y.Doc, text: string): void {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const paragraphs = (text === '' ? [] : lines).map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (line !== '') paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
  const body = draftBody(draftDoc);
  draftDoc.transact(() => {
    body.delete(0, body.length);
    body.insert(0, paragraphs);
  });
}
