import * as Y from 'yjs';
import { draftBody } from './draftBody.ts';

/**
 * Unintegrated copies of every top-level node of a body, ready to insert elsewhere. Throws only on
 * pathological nesting (stack depth); callers catch and report it as malformed.
 */
export const copyBody = (doc: Y.Doc): (Y.XmlElement | Y.XmlText)[] =>
  draftBody(doc)
    .toArray()
    .filter(
      (node): node is Y.XmlElement | Y.XmlText =>
        node instanceof Y.XmlElement || node instanceof Y.XmlText,
    )
    .map((node) => node.clone());
