import type * as Y from 'yjs';
import type { UpdateBatcher } from './UpdateBatcher.ts';

/**
 * The documents a fork heal replaced (PROTOCOL §5.3) and who is told. A view not yet rebound may
 * still type into an old Y.Doc: its batcher keeps publishing under the old session (and CellSync
 * forwards the edit into the new doc), so neither is dropped before the engine closes; then every
 * old doc is destroyed (its listeners, and any Awareness bound to it, go with it).
 */
export class ReplacedDocs {
  private readonly batchers = new Set<UpdateBatcher>();
  private readonly docs = new Set<Y.Doc>();
  private readonly listeners = new Set<(docHex: string) => void>();

  /** `doc` was replaced; `batcher` publishes what is still typed into it. */
  retire(doc: Y.Doc, batcher: UpdateBatcher | undefined): void {
    this.docs.add(doc);
    if (batcher) this.batchers.add(batcher);
  }

  /** Tells every holder that `docHex` has a new Y.Doc. */
  replaced(docHex: string): void {
    for (const l of Array.from(this.listeners)) l(docHex);
  }

  onReplaced(listener: (docHex: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Publishes edits typed into old docs now. */
  flush(): void {
    for (const b of this.batchers) b.flush();
  }

  /** At engine close, after flush: cancels the batchers and destroys every old doc. */
  close(): void {
    for (const b of this.batchers) b.cancel();
    this.batchers.clear();
    for (const d of this.docs) d.destroy();
    this.docs.clear();
    this.listeners.clear();
  }
}
