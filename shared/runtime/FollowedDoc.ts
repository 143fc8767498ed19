import type * as Y from 'yjs';
import { toHex } from '../crypto/bytes.ts';

/** Where a content document comes from: the sync engine (CellSync answers this). */
export interface DocSource {
  doc(docId: Uint8Array): Y.Doc;
  /** Called with a document's id (hex) when `doc` returns a new Y.Doc (a fork heal). */
  onDocReplaced(listener: (docHex: string) => void): () => void;
}

/**
 * One content document held for the life of a cell (the cell index read by the relay requirement
 * and the history horizon), followed across fork heals (PROTOCOL §5.3): `doc` is always the one
 * the engine syncs, and listeners hear every update of it and every replacement, so nothing goes
 * on reading, or writing into, a document nobody syncs any more.
 */
export class FollowedDoc {
  private current: Y.Doc;
  private readonly listeners = new Set<() => void>();
  private readonly offReplaced: () => void;
  private readonly changed = (): void => {
    for (const l of Array.from(this.listeners)) l();
  };

  constructor(source: DocSource, docId: Uint8Array) {
    const hex = toHex(docId);
    this.current = source.doc(docId);
    this.current.on('update', this.changed);
    this.offReplaced = source.onDocReplaced((replaced) => {
      if (replaced !== hex) return;
      this.current.off('update', this.changed);
      this.current = source.doc(docId);
      this.current.on('update', this.changed);
      this.changed();
    });
  }

  /** The document the engine syncs now. */
  get doc(): Y.Doc {
    return this.current;
  }

  /** Called after every update of the document and after it was replaced. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.offReplaced();
    this.current.off('update', this.changed);
    this.listeners.clear();
  }
}
