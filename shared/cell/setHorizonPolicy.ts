import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';

/**
 * A coordinator sets the cell's history horizon: a number of days among HORIZON_DAY_CHOICES, or
 * 'issue' (until the next issue is printed). Only a coordinator's write counts (readHorizonPolicy).
 */
export function setHorizonPolicy(indexDoc: Y.Doc, value: number | 'issue'): void {
  cellIndexMaps(indexDoc).policy.set('horizon', value);
}
