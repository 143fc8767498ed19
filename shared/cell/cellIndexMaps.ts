import type * as Y from 'yjs';

/**
 * The cell index doc (CELL_INDEX_DOC_ID) holds these top-level maps:
 * - 'drafts': draftId (32 hex) -> Y.Map { title, headline?, status, createdAt, updatedAt, updatedBy,
 *   words } (headline: the printed headline, absent if none)
 * - 'people': signPk (64 hex) -> Y.Map { insideCountry } (each member writes only their own entry)
 * - 'issues': issueId (32 hex) -> Y.Map { title, issueNumber, date, tagline, layout,
 *   draftIds: Y.Array<string>, createdAt, updatedAt } (newsletter issues, see shared/export)
 * - 'images': imageId (32 hex) -> stored bytes (number): every image document of the cell, for the
 *   per-cell image budget (shared/images/imageBudget)
 * - 'policy': cell-wide settings that count only as a coordinator wrote them: 'relayOnly' boolean
 *   ("nobody sees anybody's IP", readRelayPolicy); 'horizon' days or 'issue' (readHorizonPolicy)
 * - 'acks': signPk (64 hex) -> "epoch:rotateOpId", each member's own history-horizon
 *   acknowledgement (readHorizonAcks)
 */
export const cellIndexMaps = (
  indexDoc: Y.Doc,
): {
  readonly drafts: Y.Map<unknown>;
  readonly people: Y.Map<unknown>;
  readonly issues: Y.Map<unknown>;
  readonly policy: Y.Map<unknown>;
  readonly acks: Y.Map<unknown>;
  readonly images: Y.Map<unknown>;
} => ({
  drafts: indexDoc.getMap<unknown>('drafts'),
  people: indexDoc.getMap<unknown>('people'),
  issues: indexDoc.getMap<unknown>('issues'),
  policy: indexDoc.getMap<unknown>('policy'),
  acks: indexDoc.getMap<unknown>('acks'),
  images: indexDoc.getMap<unknown>('images'),
});
