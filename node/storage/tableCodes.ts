import type { Table } from '../../shared/storage/Storage.ts';

/**
 * On-disk table codes. Fixed here rather than derived from TABLES' order so that reordering
 * or adding tables in the port never reinterprets an existing log. Never reuse a code.
 */
export const TABLE_CODES = {
  vault: 1,
  secrets: 2,
  cells: 3,
  envelopes: 4,
  snapshots: 5,
  settings: 6,
  quarantine: 7,
} as const satisfies Record<Table, number>;

const BY_CODE = new Map<number, Table>(
  Object.entries(TABLE_CODES).map(([table, code]) => [code, table as Table]),
);

export const tableFromCode = (code: number): Table | undefined => BY_CODE.get(code);
