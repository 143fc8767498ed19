import type * as Y from 'yjs';

/** The field the editor binds (@tiptap/extension-collaboration `field: 'body'`). */
export const DRAFT_BODY_FIELD = 'body';

/** The rich-text body of a draft doc: a ProseMirror document as y-prosemirror stores it. */
export const draftBody = (draftDoc: Y.Doc): Y.XmlFragment =>
  draftDoc.getXmlFragment(DRAFT_BODY_FIELD);
