import type { CellSession } from './CellSession.ts';

/**
 * How often the session replaced its documents (a forked document rebuilt on its canonical
 * version, PROTOCOL §5.3): in all and per document (hex id). A view that holds a Y.Doc takes it
 * again from `session.doc` when the count it depends on moves, re-subscribes its observers there
 * and never writes into the old one again.
 */
export interface DocRevisions {
  /** Replacements of any document of the session so far. */
  total(): number;
  /** Replacements of document `docHex` so far. */
  of(docHex: string): number;
  /** Called after every replacement; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

const NEVER: DocRevisions = {
  total: () => 0,
  of: () => 0,
  subscribe: () => () => undefined,
};

/** What docRevisions needs of a session (the sync engine itself answers it too). */
export type ReplacingSession = Pick<CellSession, 'onDocReplaced'>;

const bySession = new WeakMap<ReplacingSession, DocRevisions>();

/**
 * The replacement counts of `session`, one object per session: it listens to the session once,
 * from the first call on, so every view of the session sees the same counts whenever it mounts.
 */
export function docRevisions(session: ReplacingSession): DocRevisions {
  const known = bySession.get(session);
  if (known) return known;
  if (!session.onDocReplaced) return NEVER;
  const counts = new Map<string, number>();
  const listeners = new Set<() => void>();
  let total = 0;
  session.onDocReplaced((docHex) => {
    total++;
    counts.set(docHex, (counts.get(docHex) ?? 0) + 1);
    for (const l of Array.from(listeners)) l();
  });
  const revisions: DocRevisions = {
    total: () => total,
    of: (docHex) => counts.get(docHex) ?? 0,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  bySession.set(session, revisions);
  return revisions;
}
