import * as Y from 'yjs';
import type { ClientAuthors } from '../../../shared/cell/ClientAuthors.ts';
import { draftBody } from '../../../shared/cell/draftBody.ts';
import { ownEditsOf, type OwnEdits } from '../../../shared/seen/SeenState.ts';

export const A = 'a'.repeat(64);
export const B = 'b'.repeat(64);

/** Two members' replicas of one draft (gc on, as every content doc), A's local deletions kept. */
export function twoReplicas(): {
  a: Y.Doc;
  b: Y.Doc;
  authors: ClientAuthors;
  /** A's own edits so far (as the app collects them from her local transactions). */
  ownEdits: () => readonly OwnEdits[];
  sync: () => void;
} {
  const a = new Y.Doc({ gc: true });
  const b = new Y.Doc({ gc: true });
  a.clientID = 101;
  b.clientID = 202;
  const byClient = new Map([
    [101, A],
    [202, B],
  ]);
  const edits: OwnEdits[] = [];
  a.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local) edits.push(ownEditsOf(tr));
  });
  return {
    a,
    b,
    authors: (client) => byClient.get(client),
    ownEdits: () => edits,
    sync: () => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
    },
  };
}

/** The i-th paragraph's text (as y-prosemirror stores it: fragment > paragraph > text). */
export function paragraphText(doc: Y.Doc, i: number): Y.XmlText {
  const p = draftBody(doc).get(i);
  const t = p instanceof Y.XmlElement ? p.get(0) : undefined;
  if (!(t instanceof Y.XmlText)) throw new Error(`no paragraph ${i}`);
  return t;
}

export function addParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  const body = draftBody(doc);
  body.insert(body.length, [p]);
}

/** A text's characters without formatting. */
export const plain = (text: Y.XmlText): string =>
  (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
