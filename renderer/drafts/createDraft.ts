import * as Y from 'yjs';
import { draftsMap, TITLE_MAX_LENGTH } from './draftSchema.ts';

const randomId = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/** Adds an empty draft in one transaction and returns its random id (ids never collide by design). */
export function createDraft(doc: Y.Doc, title: string, now: number = Date.now()): string {
  const id = randomId();
  doc.transact(() => {
    const draft = new Y.Map<unknown>();
    draftsMap(doc).set(id, draft);
    draft.set('title', title.trim().slice(0, TITLE_MAX_LENGTH));
    draft.set('createdAt', now);
    draft.set('body', new Y.Text());
  });
  return id;
}
