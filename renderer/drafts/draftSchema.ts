import type * as Y from 'yjs';

/** Top-level Y.Map of the cell doc: draftId -> Y.Map { title, createdAt, body: Y.Text }. */
export const DRAFTS_MAP = 'drafts';
export const TITLE_MAX_LENGTH = 200;
export const DRAFT_ID_PATTERN = /^[0-9a-f]{32}$/;

/** A draft as the UI sees it, after validation. */
export interface DraftSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly body: Y.Text;
}

export const draftsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(DRAFTS_MAP);
