import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';

/**
 * A coordinator turns the cell-wide relay-only setting on or off. Only a coordinator's write
 * counts (readRelayPolicy); the UI offers it to coordinators only.
 */
export function setRelayPolicy(indexDoc: Y.Doc, on: boolean): void {
  cellIndexMaps(indexDoc).policy.set('relayOnly', on);
}
