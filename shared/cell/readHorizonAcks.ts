import type * as Y from 'yjs';
import { cellIndexMaps } from './cellIndexMaps.ts';
import type { ClientAuthors } from './ClientAuthors.ts';
import { writerOf } from './writerOf.ts';

/** An acknowledgement's value: the epoch and the counted rotate (hex opId) it was written under. */
export const horizonAckValue = (epoch: number, rotateOpId: string): string =>
  `${epoch}:${rotateOpId}`;

/**
 * The history-horizon acknowledgements (index doc, 'acks' map: signPk hex -> horizonAckValue).
 * An entry counts only if the member it names wrote it (the verified author of its Yjs item,
 * whose envelope that member signed): nobody can acknowledge for someone else.
 */
export function readHorizonAcks(indexDoc: Y.Doc, authors: ClientAuthors): Map<string, string> {
  const acks = cellIndexMaps(indexDoc).acks;
  const out = new Map<string, string>();
  for (const [hex, value] of acks.entries())
    if (typeof value === 'string' && writerOf(acks, hex, authors) === hex) out.set(hex, value);
  return out;
}
