import type { CellRuntime } from '../../shared/runtime/CellRuntime.ts';

/** One field of a tab-separated output line: tabs and line breaks inside it become spaces. */
export const tsvField = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

/**
 * How an author key is shown: the roster's pseudonym; a former member (the roster no longer
 * names them) as the start of their key; `?` for a writer the engine does not know.
 */
export function pseudonymOf(cell: CellRuntime): (hex: string | undefined) => string {
  const members = cell.currentRoster().members;
  return (hex) => (hex === undefined ? '?' : (members.get(hex)?.pseudonym ?? hex.slice(0, 8)));
}
