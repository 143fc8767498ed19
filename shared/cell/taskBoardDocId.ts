/** The cell's task board document: a fixed id (0x00 * 15 || 0x02), in the reserved range. */
export const TASK_BOARD_DOC_ID: Uint8Array = Uint8Array.from({ length: 16 }, (_, i) =>
  i === 15 ? 0x02 : 0x00,
);
