/** What an envelope's body is; the byte is signed and encrypted, so only members see it. */
export const ENVELOPE_KIND = {
  /** A Yjs update (a batch of edits) for one document. */
  update: 1,
  /** A full Yjs state of one document (written by rollovers and for new generations). */
  snapshot: 2,
  /** A governance op of the cell's roster log. */
  roster: 3,
  /** Announces the move of the wire doc to the next generation. */
  rollover: 4,
} as const;

export type EnvelopeKind = (typeof ENVELOPE_KIND)[keyof typeof ENVELOPE_KIND];

export function isEnvelopeKind(k: number | undefined): k is EnvelopeKind {
  return k === 1 || k === 2 || k === 3 || k === 4;
}
