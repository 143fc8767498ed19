import { CELL_LIMITS } from './cellLimits.ts';
import { cleanLine } from './cleanLine.ts';

/** Labels as stored: cleaned, non-empty, without duplicates (case-insensitive), at most the cap. */
export function cleanLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const label of labels) {
    const clean = cleanLine(label, CELL_LIMITS.labelMaxChars);
    const key = clean.toLowerCase();
    if (clean === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(clean);
    if (out.length === CELL_LIMITS.labelsMax) break;
  }
  return out;
}
