/**
 * The cell index document: drafts' titles and statuses, and who marked themselves as inside the
 * country. A fixed id (0x00 * 15 || 0x01) that no random draft id can take in practice;
 * isDraftId also refuses the reserved range 0x00 * 15 || 0x00..0x0f.
 */
export const CELL_INDEX_DOC_ID: Uint8Array = Uint8Array.from({ length: 16 }, (_, i) =>
  i === 15 ? 0x01 : 0x00,
);
